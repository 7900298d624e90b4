-- At most one summarization job queued or running: two would repeat each other's model work.
CREATE UNIQUE INDEX job_one_open_summarize ON job (kind)
  WHERE kind = 'SUMMARIZE' AND status IN ('QUEUED', 'RUNNING');

-- Every start of an execution, never reset: how often a job was interrupted and resumed.
ALTER TABLE job ADD COLUMN launches INT NOT NULL DEFAULT 0;
