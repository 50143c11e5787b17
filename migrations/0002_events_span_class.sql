-- Events by how long they last, so a timeline window finds the events that started before it and still run at
-- its start without walking back through every long event. The span of an event is julianday(end) -
-- julianday(start) (0 for one day); its span class k is the first bound it is under: one day, a week, a month, a
-- quarter, a year, then each number of whole years up to ten, twenty years, a century, and unbounded. An event of
-- class k that overlaps a day D started at most bound(k) - 1 days before D, and the spans inside one class differ by
-- a few days at most, so a range of one class holds few events that end before D. An index on the expression
-- (TimelineSQL.spanClass builds the same expression from the same bounds, so the planner matches it): the writer
-- and the existing rows need nothing.
CREATE INDEX events_timeline_by_span ON events ((CASE
    WHEN julianday(end_date) - julianday(start_date) < 1 THEN 0
    WHEN julianday(end_date) - julianday(start_date) < 8 THEN 1
    WHEN julianday(end_date) - julianday(start_date) < 32 THEN 2
    WHEN julianday(end_date) - julianday(start_date) < 93 THEN 3
    WHEN julianday(end_date) - julianday(start_date) < 367 THEN 4
    WHEN julianday(end_date) - julianday(start_date) < 732 THEN 5
    WHEN julianday(end_date) - julianday(start_date) < 1097 THEN 6
    WHEN julianday(end_date) - julianday(start_date) < 1462 THEN 7
    WHEN julianday(end_date) - julianday(start_date) < 1828 THEN 8
    WHEN julianday(end_date) - julianday(start_date) < 2193 THEN 9
    WHEN julianday(end_date) - julianday(start_date) < 2558 THEN 10
    WHEN julianday(end_date) - julianday(start_date) < 2923 THEN 11
    WHEN julianday(end_date) - julianday(start_date) < 3289 THEN 12
    WHEN julianday(end_date) - julianday(start_date) < 3654 THEN 13
    WHEN julianday(end_date) - julianday(start_date) < 7306 THEN 14
    WHEN julianday(end_date) - julianday(start_date) < 36526 THEN 15
    ELSE 16 END), start_date, end_date, id) WHERE start_date IS NOT NULL;
