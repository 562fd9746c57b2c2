-- Every run of a scheduled job (start, end, outcome, error, items processed), and per-store daily metrics that
-- outlive the retention purge of the carts and messages they were counted from.

-- outcome: 0 running, 1 succeeded, 2 failed, 3 vetoed. Old runs are pruned by the purge job.
CREATE TABLE job_runs (
    id               BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    job_group        NVARCHAR(450) NOT NULL,
    job_name         NVARCHAR(450) NOT NULL,
    trigger_group    NVARCHAR(MAX),
    trigger_name     NVARCHAR(MAX),
    instance_id      NVARCHAR(450) NOT NULL,
    fire_instance_id NVARCHAR(450) NOT NULL,
    scheduled_at     BIGINT,
    started_at       BIGINT        NOT NULL,
    finished_at      BIGINT,
    outcome          BIGINT        NOT NULL,
    error            NVARCHAR(MAX),
    items            BIGINT
);

CREATE INDEX ix_job_runs_job_started ON job_runs (job_group, job_name, started_at);
CREATE INDEX ix_job_runs_fire ON job_runs (instance_id, fire_instance_id);
CREATE INDEX ix_job_runs_started ON job_runs (started_at);

-- One row per store, UTC day (day_start in unix ms) and cart currency; every count is attributed to the day of its
-- own event (abandoned_at, sent_at, delivered_at, opened_at, clicked_at, converted_at). Rolling a day up replaces it.
CREATE TABLE daily_store_metrics (
    store_id          BIGINT        NOT NULL REFERENCES stores (id),
    day_start         BIGINT        NOT NULL,
    currency          NVARCHAR(450) NOT NULL,
    carts_abandoned   BIGINT        NOT NULL,
    emails_sent       BIGINT        NOT NULL,
    emails_delivered  BIGINT        NOT NULL,
    emails_opened     BIGINT        NOT NULL,
    emails_clicked    BIGINT        NOT NULL,
    recovered_orders  BIGINT        NOT NULL,
    recovered_revenue_minor BIGINT  NOT NULL,
    rolled_up_at      BIGINT        NOT NULL,
    CONSTRAINT pk_daily_store_metrics PRIMARY KEY (store_id, day_start, currency)
);

CREATE INDEX ix_daily_store_metrics_day ON daily_store_metrics (day_start);
