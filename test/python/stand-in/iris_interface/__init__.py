# Stand-in for the `iris_interface` package (iris-interface 1.2.0) used by the
# generator-iris-module test suite. Written for this project from the facts in
# /work/shared/iris-contract.md; it is not the real package. Users of a
# generated module install the real `iris-interface` from PyPI instead.
