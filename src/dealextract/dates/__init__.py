"""Dates in investment news: absolute ("April 17, 2018", "Q3 2025"), relative ("last month", "two
months ago") and year-less ("Apr. 17"), resolved against the publication date, past-leaning.

Where things are: ``patterns.py`` (the words and regex pieces, false-positive checks), ``absolute.py``
and ``relative.py`` (the rules), ``resolve.py`` (calendar arithmetic and the documented conventions),
``finder.py`` (``find_dates`` / ``parse_date``), ``component.py`` (the spaCy factory
``dealextract_dates``), ``data/`` (the corpus of examples the tests run).
"""

from dealextract.dates.finder import find_dates, parse_date

__all__ = ["find_dates", "parse_date"]
