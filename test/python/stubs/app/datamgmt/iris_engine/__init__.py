# Package stub of the IRIS internals for generator-iris-module tests.
