-- Events by how long they last, so a timeline window finds the events that started before it and still run at
-- its start without walking back through every long event. The span class k of an event is the smallest k with
-- span < 4^k days (span = julianday(end) - julianday(start), 0 for one day): an event of class k that overlaps a
-- day D started at most 4^k - 1 days before D. Class 8 (45 years and more) is unbounded. An index on the
-- expression (TimelineSQL.spanClass repeats it word for word, so the planner matches it): the writer and the
-- existing rows need nothing.
CREATE INDEX events_timeline_by_span ON events ((CASE
    WHEN julianday(end_date) - julianday(start_date) < 1 THEN 0
    WHEN julianday(end_date) - julianday(start_date) < 4 THEN 1
    WHEN julianday(end_date) - julianday(start_date) < 16 THEN 2
    WHEN julianday(end_date) - julianday(start_date) < 64 THEN 3
    WHEN julianday(end_date) - julianday(start_date) < 256 THEN 4
    WHEN julianday(end_date) - julianday(start_date) < 1024 THEN 5
    WHEN julianday(end_date) - julianday(start_date) < 4096 THEN 6
    WHEN julianday(end_date) - julianday(start_date) < 16384 THEN 7
    ELSE 8 END), start_date, end_date, id) WHERE start_date IS NOT NULL;
