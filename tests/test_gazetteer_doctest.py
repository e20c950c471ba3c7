"""The examples in the gazetteer docstrings run and hold."""

import doctest

import saidwho
import saidwho.gazetteer


def test_docstring_examples():
    for mod in (saidwho, saidwho.gazetteer):
        result = doctest.testmod(mod)
        assert result.attempted > 0 and result.failed == 0, mod.__name__
