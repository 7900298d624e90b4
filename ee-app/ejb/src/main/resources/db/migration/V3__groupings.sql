-- Patient grouping. V1 reserved three tables for it that nothing ever wrote; they are remade here
-- with what a grouping version needs: which model and parameters made it, when and by whom, each
-- group's label and terms, and each patient's place (similarity to the group centre, map position).

DROP TABLE group_membership;
DROP TABLE patient_group;
DROP TABLE grouping;

CREATE TABLE grouping (
  id            BIGSERIAL        PRIMARY KEY,
  job_id        BIGINT           REFERENCES job (id) ON DELETE SET NULL,
  created_by    VARCHAR(64)      NOT NULL,
  created_at    TIMESTAMPTZ      NOT NULL DEFAULT now(),
  model         VARCHAR(200)     NOT NULL,
  model_version VARCHAR(200)     NOT NULL,
  algorithm     VARCHAR(32)      NOT NULL,
  parameters    TEXT             NOT NULL, -- key=value lines
  patients      INT              NOT NULL,
  group_count   INT              NOT NULL,
  silhouette    DOUBLE PRECISION NOT NULL,
  notes         TEXT             NOT NULL  -- one per line
);

CREATE TABLE patient_group (
  id           BIGSERIAL        PRIMARY KEY,
  grouping_id  BIGINT           NOT NULL REFERENCES grouping (id) ON DELETE CASCADE,
  group_number INT              NOT NULL, -- 1.. largest first; 0 holds the ungrouped
  label        VARCHAR(500)     NOT NULL,
  terms        TEXT             NOT NULL, -- one per line, most distinctive first
  size         INT              NOT NULL,
  cohesion     DOUBLE PRECISION NOT NULL,
  UNIQUE (grouping_id, group_number)
);

CREATE TABLE group_membership (
  grouping_id BIGINT           NOT NULL REFERENCES grouping (id) ON DELETE CASCADE,
  patient_id  BIGINT           NOT NULL REFERENCES patient (id),
  group_id    BIGINT           NOT NULL REFERENCES patient_group (id) ON DELETE CASCADE,
  similarity  DOUBLE PRECISION NOT NULL,
  x           REAL             NOT NULL,
  y           REAL             NOT NULL,
  PRIMARY KEY (grouping_id, patient_id)
);
CREATE INDEX group_membership_group_idx ON group_membership (group_id, similarity DESC);
CREATE INDEX group_membership_patient_idx ON group_membership (patient_id, grouping_id DESC);

-- At most one grouping job queued or running: two would compute the same version twice.
CREATE UNIQUE INDEX job_one_open_group ON job (kind)
  WHERE kind = 'GROUP' AND status IN ('QUEUED', 'RUNNING');
