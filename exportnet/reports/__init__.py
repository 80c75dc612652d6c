"""The economy report: per economy and compared side by side, drawn server-side.

queries  the figures, each one SQL aggregate (GROUP BY) over the whole catalog
tables   the figures as tables (the same rows feed the page, the charts and the CSV)
charts   SVG bar and column charts, accessible and free of inline style
views    /<lang>/reports/economies[/<CC>] and their CSV downloads
"""
