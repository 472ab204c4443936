# Stubs of the IRIS web application internals that IRIS modules and the
# iris_interface package import. Only for generator-iris-module tests: no
# Flask, no database. What modules do through these stubs is recorded in
# app._recorder (see its reset()).
