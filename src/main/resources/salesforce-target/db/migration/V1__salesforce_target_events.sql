-- The claims and answers of events, shared by every replica of salesforce-target (docs/event-store.md).
-- One row per event (source, id): a claim while answer is null, an answer once it is set. expires_at is the end of
-- the claim's lease, or of the answer's replay window; an expired row may be claimed again, and is deleted by the
-- background cleaner.
CREATE TABLE salesforce_target_events (
    event_key   text        PRIMARY KEY,
    claimed_by  text        NOT NULL,
    claim_token uuid        NOT NULL,
    claimed_at  timestamptz NOT NULL DEFAULT now(),
    answer      bytea,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX salesforce_target_events_expires_at ON salesforce_target_events (expires_at);
