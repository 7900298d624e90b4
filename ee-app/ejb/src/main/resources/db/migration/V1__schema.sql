-- ClinSum schema, version 1. Applied by Flyway when the EAR deploys (SchemaMigrator).
-- Text columns are TEXT: notes are stored verbatim, whatever they contain.

CREATE TABLE app_user (
  username      VARCHAR(64)  PRIMARY KEY,
  password_hash VARCHAR(512) NOT NULL,
  enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE app_user_role (
  username VARCHAR(64) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
  role     VARCHAR(32) NOT NULL CHECK (role IN ('clinician', 'reviewer', 'admin')),
  PRIMARY KEY (username, role)
);

CREATE TABLE patient (
  id          BIGSERIAL    PRIMARY KEY,
  external_id VARCHAR(128) NOT NULL UNIQUE,
  created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE note (
  id          BIGSERIAL    PRIMARY KEY,
  patient_id  BIGINT       NOT NULL REFERENCES patient (id),
  external_id VARCHAR(128),
  note_type   VARCHAR(64)  NOT NULL,
  author_role VARCHAR(64),
  source      VARCHAR(128),
  recorded_at TIMESTAMPTZ,
  text        TEXT         NOT NULL CHECK (length(text) > 0),
  created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by  VARCHAR(64)  NOT NULL
);
-- The same text for the same patient is one note: re-importing a file adds nothing.
CREATE UNIQUE INDEX note_patient_text_uq ON note (patient_id, md5(text));
CREATE INDEX note_patient_idx ON note (patient_id, recorded_at);

CREATE TABLE job (
  id           BIGSERIAL   PRIMARY KEY,
  kind         VARCHAR(16) NOT NULL CHECK (kind IN ('IMPORT', 'SUMMARIZE', 'GROUP')),
  status       VARCHAR(16) NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'STOPPED')),
  total        BIGINT      NOT NULL DEFAULT 0,
  processed    BIGINT      NOT NULL DEFAULT 0,
  succeeded    BIGINT      NOT NULL DEFAULT 0,
  failed       BIGINT      NOT NULL DEFAULT 0,
  attempts     INT         NOT NULL DEFAULT 0,
  execution_id BIGINT,
  runner       VARCHAR(64),
  parameters   TEXT,
  error        TEXT,
  created_by   VARCHAR(64) NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  started_at   TIMESTAMPTZ,
  finished_at  TIMESTAMPTZ
);
CREATE INDEX job_status_idx ON job (status);

CREATE TABLE job_error (
  id       BIGSERIAL    PRIMARY KEY,
  job_id   BIGINT       NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  row_num  BIGINT,
  note_id  BIGINT,
  field    VARCHAR(64),
  location VARCHAR(200),
  message  TEXT         NOT NULL
);
CREATE INDEX job_error_job_idx ON job_error (job_id, id);

CREATE TABLE summary (
  id              BIGSERIAL    PRIMARY KEY,
  note_id         BIGINT       NOT NULL UNIQUE REFERENCES note (id),
  generated_text  TEXT         NOT NULL,
  text            TEXT         NOT NULL,
  backend         VARCHAR(64)  NOT NULL,
  model_id        VARCHAR(200) NOT NULL,
  model_version   VARCHAR(64)  NOT NULL,
  options         TEXT,
  elapsed_ms      BIGINT       NOT NULL,
  input_tokens    INT          NOT NULL,
  output_tokens   INT          NOT NULL,
  chunks          INT          NOT NULL,
  state           VARCHAR(16)  NOT NULL CHECK (state IN ('GENERATED', 'APPROVED', 'EDITED', 'REJECTED')),
  reviewer        VARCHAR(64),
  reviewed_at     TIMESTAMPTZ,
  review_comment  TEXT,
  job_id          BIGINT       REFERENCES job (id) ON DELETE SET NULL,
  created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
  version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX summary_state_idx ON summary (state, created_at);

CREATE TABLE summary_revision (
  id         BIGSERIAL   PRIMARY KEY,
  summary_id BIGINT      NOT NULL REFERENCES summary (id) ON DELETE CASCADE,
  revision   INT         NOT NULL,
  state      VARCHAR(16) NOT NULL,
  text       TEXT        NOT NULL,
  actor      VARCHAR(64) NOT NULL,
  comment    TEXT,
  at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (summary_id, revision)
);

-- Filled by the grouping feature: one grouping run is a version.
CREATE TABLE grouping (
  id         BIGSERIAL    PRIMARY KEY,
  model      VARCHAR(200) NOT NULL,
  parameters TEXT,
  score      DOUBLE PRECISION,
  created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE patient_group (
  id          BIGSERIAL    PRIMARY KEY,
  grouping_id BIGINT       NOT NULL REFERENCES grouping (id) ON DELETE CASCADE,
  label       VARCHAR(200) NOT NULL,
  size        INT          NOT NULL
);

CREATE TABLE group_membership (
  group_id   BIGINT           NOT NULL REFERENCES patient_group (id) ON DELETE CASCADE,
  patient_id BIGINT           NOT NULL REFERENCES patient (id),
  score      DOUBLE PRECISION,
  PRIMARY KEY (group_id, patient_id)
);

CREATE TABLE audit_event (
  id          BIGSERIAL    PRIMARY KEY,
  at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  actor       VARCHAR(64)  NOT NULL,
  action      VARCHAR(32)  NOT NULL,
  entity_type VARCHAR(32)  NOT NULL,
  entity_id   BIGINT,
  detail      VARCHAR(500)
);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id);
