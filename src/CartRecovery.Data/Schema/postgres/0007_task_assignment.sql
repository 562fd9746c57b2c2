-- Follow-up tasks are assigned to a person and completed with an outcome.

ALTER TABLE follow_up_tasks ADD COLUMN assignee TEXT;
ALTER TABLE follow_up_tasks ADD COLUMN outcome TEXT;
ALTER TABLE follow_up_tasks ADD COLUMN completed_at BIGINT;
