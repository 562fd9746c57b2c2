-- Follow-up tasks are assigned to a person and completed with an outcome.

ALTER TABLE follow_up_tasks ADD assignee NVARCHAR(MAX) NULL;
ALTER TABLE follow_up_tasks ADD outcome NVARCHAR(MAX) NULL;
ALTER TABLE follow_up_tasks ADD completed_at BIGINT NULL;
