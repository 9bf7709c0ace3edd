"""August Plenum: a political strategy game about the Korean Workers' Party, 1953-1962."""

__version__ = "0.1.0"
