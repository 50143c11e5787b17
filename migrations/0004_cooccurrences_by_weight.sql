-- An entity's strongest neighbours (`related` of GET /v1/entities/{id}, a graph around one entity with minWeight)
-- read each side of the pair in weight order: the first rows of each side are the answer, instead of every pair of
-- the entity sorted per request (a few hundred for a well-connected entity). These two indexes serve every query
-- on one side of a pair, so the b side's index in pair order goes.
DROP INDEX cooccurrences_by_b;
CREATE INDEX cooccurrences_by_a_weight ON cooccurrences (entity_a, weight DESC, entity_b);
CREATE INDEX cooccurrences_by_b_weight ON cooccurrences (entity_b, weight DESC, entity_a);
