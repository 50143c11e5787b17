-- Neighbours through the b side of a pair (an entity's related entities, a graph neighbourhood, whether an entity has
-- an edge of some weight) read the weight too: with it in the index they no longer look up every pair in the table,
-- a random read per neighbour. The index on weight alone served no query and only cost writes.
DROP INDEX cooccurrences_by_b;
DROP INDEX cooccurrences_by_weight;
CREATE INDEX cooccurrences_by_b ON cooccurrences (entity_b, entity_a, weight);
