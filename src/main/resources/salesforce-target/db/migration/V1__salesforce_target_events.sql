-- The claims and answers of events, shared by every replica of salesforce-target (docs/event-store.md).
-- One row per event (source, id): a claim while answer is null, an answer once it is set. expires_at is the end of
-- the claim's lease, or of the answer's replay window; an expired row may be claimed again, and is deleted by the
-- background cleaner, which finds old rows by claimed_at. expires_at is not indexed, and storing an answer changes
-- no indexed column: the update is a heap-only tuple (HOT) update in the room fillfactor leaves on the page.
CREATE TABLE salesforce_target_events (
    event_key   text        PRIMARY KEY,
    claimed_by  text        NOT NULL,
    claim_token uuid        NOT NULL,
    claimed_at  timestamptz NOT NULL DEFAULT now(),
    answer      bytea,
    expires_at  timestamptz NOT NULL
) WITH (fillfactor = 70);

CREATE INDEX salesforce_target_events_claimed_at ON salesforce_target_events (claimed_at);
