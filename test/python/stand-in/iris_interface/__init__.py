# Stand-in for the `iris_interface` package (iris-interface 1.2.0) used by the
# generator-iris-module test suite. Written for this project from how
# iris-interface 1.2.0 and iris-web 2.4 behave; it is not the real package. Users of a
# generated module install the real `iris-interface` from PyPI instead.
