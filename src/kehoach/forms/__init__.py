"""Progress forms: what a body is asked to report on (content), the form files
(xlsx, docx) and reading them back once filled in.

openpyxl and python-docx are imported only inside the functions that write or read a
file, so nothing else pays for them.
"""
