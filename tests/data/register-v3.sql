-- A register as written by Rectify with schema version 3 (the correction record and closed-by
-- columns, before the resubmit-by date of the certification body's decision in version 4: the CB's
-- date was then only written into the comment, as the app did). Frozen on purpose:
-- tests/test-migrations.c builds a file from it and checks that opening it migrates it to the
-- current version. Do not edit it when the schema changes; add a new one.
PRAGMA application_id = 1380270932;
PRAGMA user_version = 3;
BEGIN;
CREATE TABLE register_info (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT) WITHOUT ROWID;
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL UNIQUE CHECK (length(trim(title)) > 0),
  kind TEXT NOT NULL DEFAULT 'internal' CHECK (kind IN ('internal',
  'stage-1',
  'stage-2',
  'surveillance',
  'recertification',
  'supplier')),
  starts_on TEXT CHECK (starts_on IS NULL OR starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  ends_on TEXT CHECK (ends_on IS NULL OR ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  lead_auditor TEXT,
  certification_body TEXT,
  scope TEXT);
CREATE TABLE nonconformity (
  id INTEGER PRIMARY KEY,
  ref TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
  title TEXT,
  statement TEXT,
  requirement TEXT,
  evidence TEXT,
  area TEXT,
  source TEXT NOT NULL DEFAULT 'internal-audit' CHECK (source IN ('internal-audit',
  'external-audit',
  'incident',
  'monitoring',
  'management-review',
  'complaint',
  'other')),
  audit_id INTEGER REFERENCES audit (id) ON DELETE SET NULL,
  occurred_on TEXT CHECK (occurred_on IS NULL OR occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  location TEXT,
  reported_by TEXT,
  reported_on TEXT CHECK (reported_on IS NULL OR reported_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  owner TEXT,
  grade TEXT NOT NULL DEFAULT 'minor' CHECK (grade IN ('major',
  'minor',
  'observation',
  'ofi')),
  correction TEXT,
  correction_on TEXT CHECK (correction_on IS NULL OR correction_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status TEXT NOT NULL DEFAULT 'reported' CHECK (status IN ('reported',
  'analysis',
  'action-planned',
  'awaiting-approval',
  'implementation',
  'verification',
  'closed')),
  cap_due_on TEXT CHECK (cap_due_on IS NULL OR cap_due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  due_on TEXT CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  closed_on TEXT CHECK (closed_on IS NULL OR closed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  correction_by TEXT,
  correction_not_needed INTEGER NOT NULL DEFAULT 0 CHECK (correction_not_needed IN (0,
  1)),
  correction_reason TEXT,
  closed_by TEXT);
CREATE INDEX nonconformity_status ON nonconformity (status);
CREATE INDEX nonconformity_audit_id ON nonconformity (audit_id);
CREATE TABLE cause (
  id INTEGER PRIMARY KEY,
  nc_id INTEGER NOT NULL REFERENCES nonconformity (id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES cause (id) ON DELETE CASCADE,
  category TEXT,
  text TEXT,
  position INTEGER NOT NULL DEFAULT 0,
  is_root INTEGER NOT NULL DEFAULT 0 CHECK (is_root IN (0,
  1)),
  CHECK (parent_id IS NULL OR parent_id <> id));
CREATE INDEX cause_nc_id ON cause (nc_id, parent_id, position);
CREATE INDEX cause_parent_id ON cause (parent_id);
CREATE TABLE action (
  id INTEGER PRIMARY KEY,
  ref TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
  title TEXT,
  description TEXT,
  owner TEXT,
  target_on TEXT CHECK (target_on IS NULL OR target_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  resources TEXT,
  success_criterion TEXT,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned',
  'in-progress',
  'done',
  'cancelled')),
  done_on TEXT CHECK (done_on IS NULL OR done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'));
CREATE INDEX action_status ON action (status);
CREATE TABLE nc_action (
  nc_id INTEGER NOT NULL REFERENCES nonconformity (id) ON DELETE CASCADE,
  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
  PRIMARY KEY (nc_id,
  action_id)) WITHOUT ROWID;
CREATE INDEX nc_action_action_id ON nc_action (action_id, nc_id);
CREATE TABLE approval (
  id INTEGER PRIMARY KEY,
  nc_id INTEGER NOT NULL REFERENCES nonconformity (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('management',
  'process-owner',
  'certification-body')),
  approver TEXT NOT NULL,
  decision TEXT NOT NULL DEFAULT 'approved' CHECK (decision IN ('approved',
  'rejected')),
  decided_on TEXT NOT NULL CHECK (decided_on IS NULL OR decided_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  comment TEXT);
CREATE INDEX approval_nc_id ON approval (nc_id);
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  nc_id INTEGER REFERENCES nonconformity (id) ON DELETE CASCADE,
  action_id INTEGER REFERENCES action (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) > 0),
  mime_type TEXT,
  size INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),
  sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
  added_by TEXT,
  added_at TEXT,
  data BLOB NOT NULL DEFAULT x'',
  CHECK ((nc_id IS NULL) <> (action_id IS NULL)));
CREATE INDEX evidence_nc_id ON evidence (nc_id);
CREATE INDEX evidence_action_id ON evidence (action_id);
CREATE TABLE verification (
  id INTEGER PRIMARY KEY,
  nc_id INTEGER NOT NULL REFERENCES nonconformity (id) ON DELETE CASCADE,
  due_on TEXT CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  method TEXT NOT NULL DEFAULT 'document-review' CHECK (method IN ('document-review',
  'follow-up-audit',
  'metric',
  'on-site')),
  verifier TEXT,
  verified_on TEXT CHECK (verified_on IS NULL OR verified_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  result TEXT NOT NULL DEFAULT 'pending' CHECK (result IN ('pending',
  'effective',
  'not-effective')),
  comment TEXT);
CREATE INDEX verification_nc_id ON verification (nc_id);
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  who TEXT,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  field TEXT,
  old_value TEXT,
  new_value TEXT,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64));
CREATE INDEX history_entity ON history (entity, entity_id);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE (ABORT, 'history rows cannot be changed'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE (ABORT, 'history rows cannot be deleted'); END;
CREATE VIRTUAL TABLE nc_fts USING fts5 (ref, title, statement, evidence, area, requirement, correction, owner,
  content = 'nonconformity', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER nc_fts_insert AFTER INSERT ON nonconformity BEGIN
  INSERT INTO nc_fts (rowid, ref, title, statement, evidence, area, requirement, correction, owner)
    VALUES (new.id, new.ref, new.title, new.statement, new.evidence, new.area, new.requirement, new.correction, new.owner);
END;
CREATE TRIGGER nc_fts_delete AFTER DELETE ON nonconformity BEGIN
  INSERT INTO nc_fts (nc_fts, rowid, ref, title, statement, evidence, area, requirement, correction, owner)
    VALUES ('delete', old.id, old.ref, old.title, old.statement, old.evidence, old.area, old.requirement, old.correction, old.owner);
END;
CREATE TRIGGER nc_fts_update AFTER UPDATE OF ref, title, statement, evidence, area, requirement, correction, owner ON nonconformity BEGIN
  INSERT INTO nc_fts (nc_fts, rowid, ref, title, statement, evidence, area, requirement, correction, owner)
    VALUES ('delete', old.id, old.ref, old.title, old.statement, old.evidence, old.area, old.requirement, old.correction, old.owner);
  INSERT INTO nc_fts (rowid, ref, title, statement, evidence, area, requirement, correction, owner)
    VALUES (new.id, new.ref, new.title, new.statement, new.evidence, new.area, new.requirement, new.correction, new.owner);
END;

INSERT INTO register_info (key, value) VALUES ('organisation', 'Example Ltd');
INSERT INTO audit (id, title, kind, starts_on, ends_on, lead_auditor, certification_body, scope)
  VALUES (1, 'Surveillance audit 2025', 'surveillance', '2025-10-01', '2025-10-03', 'Alice Auditor',
  'Example CB', 'All sites');
INSERT INTO nonconformity (id, ref, title, statement, requirement, evidence, area, source, audit_id,
  occurred_on, location, reported_by, reported_on, owner, grade, correction, correction_on, status,
  cap_due_on, due_on, closed_on, created_at, updated_at, correction_by, correction_not_needed,
  correction_reason, closed_by)
  VALUES (1, 'NC-001', 'Access reviews not done', 'Leavers kept their VPN accounts for months',
  'A.5.18', 'Three leaver accounts still active on 2025-10-02', 'IT operations', 'external-audit', 1,
  '2025-10-02', 'Head office', 'Alice Auditor', '2025-10-03', 'Head of IT', 'major',
  'Disabled the three accounts', '2025-10-04', 'awaiting-approval', '2025-11-02', '2026-01-01', NULL,
  '2025-10-03T09:10:00Z', '2025-10-25T11:00:00Z', 'Head of IT', 0, NULL, NULL);
INSERT INTO nonconformity (id, ref, title, statement, requirement, evidence, area, source, audit_id,
  occurred_on, location, reported_by, reported_on, owner, grade, correction, correction_on, status,
  cap_due_on, due_on, closed_on, created_at, updated_at, correction_by, correction_not_needed,
  correction_reason, closed_by)
  VALUES (2, 'NC-002', 'Backup restores untested', 'No restore test of the payroll backups in 2025',
  '8.13', 'Empty restore log', 'Infrastructure', 'external-audit', 1, NULL, NULL, 'Alice Auditor',
  '2025-10-03', 'Infrastructure lead', 'minor', NULL, NULL, 'reported', '2025-11-02', NULL, NULL,
  '2025-10-03T09:20:00Z', '2025-10-03T09:20:00Z', NULL, 0, NULL, NULL);
INSERT INTO nonconformity (id, ref, title, statement, requirement, evidence, area, source, audit_id,
  occurred_on, location, reported_by, reported_on, owner, grade, correction, correction_on, status,
  cap_due_on, due_on, closed_on, created_at, updated_at, correction_by, correction_not_needed,
  correction_reason, closed_by)
  VALUES (3, 'NC-003', 'Visitor badges', 'Visitor badges were not returned at the front desk',
  'A.7.2', 'Badge log shows 4 missing badges', 'Facilities', 'incident', NULL, '2025-11-20', 'Head office',
  'Carol Clerk', '2025-11-21', 'Facilities manager', 'observation', NULL, NULL,
  'closed', NULL, NULL, '2025-12-01', '2025-11-21T10:00:00Z', '2025-12-01T10:00:00Z', NULL, 1,
  'Badges are collected at the next visit anyway', 'Facilities manager');
INSERT INTO action (id, ref, title, description, owner, target_on, resources, success_criterion,
  status, done_on)
  VALUES (1, 'A-001', 'Automate leaver deprovisioning', 'HR feed disables accounts on the last day',
  'Head of IT', '2025-12-15', '5 days of engineering', 'No active leaver accounts in monthly check',
  'planned', NULL);
INSERT INTO nc_action (nc_id, action_id) VALUES (1, 1);
INSERT INTO cause (id, nc_id, parent_id, category, text, position, is_root)
  VALUES (1, 1, NULL, 'Process', 'Leaver process relies on e-mail to IT', 0, 1);
INSERT INTO approval (id, nc_id, role, approver, decision, decided_on, comment)
  VALUES (1, 1, 'management', 'Bob Manager', 'approved', '2025-11-01', 'Go ahead');
INSERT INTO approval (id, nc_id, role, approver, decision, decided_on, comment)
  VALUES (2, 1, 'certification-body', 'Example CB', 'rejected', '2025-11-05',
  'Resubmit by 11/30/25
Root cause analysis too shallow');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-10-03T09:00:00Z', 'Alice Auditor', 'audit', 1, NULL, NULL, 'Internal audit 2025', '0000000000000000000000000000000000000000000000000000000000000000', '592f8ff0d241226047bcbb7d18f10b15b9ec050d496d32f17d3a94efaf687f6b');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-10-03T09:10:00Z', 'Alice Auditor', 'nonconformity', 1, NULL, NULL, 'NC-001', '592f8ff0d241226047bcbb7d18f10b15b9ec050d496d32f17d3a94efaf687f6b', 'c6d9ba43ff725fe30fd3c33543a2fdd17c33c059d319a49c82a5ca443ae3826d');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-10-03T09:20:00Z', 'Alice Auditor', 'nonconformity', 2, NULL, NULL, 'NC-002', 'c6d9ba43ff725fe30fd3c33543a2fdd17c33c059d319a49c82a5ca443ae3826d', 'c2cbc324f3b88858cfbdb197ae8b2235ec8a6bcd147e891d98ebc1b4401482a6');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-10-10T14:00:00Z', 'Bob Manager', 'nonconformity', 1, 'status', 'reported', 'analysis', 'c2cbc324f3b88858cfbdb197ae8b2235ec8a6bcd147e891d98ebc1b4401482a6', '1afd99fbcc2e241112f3dd2eaa49bb71f57052e5441d8944586500e51c32ef4e');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-10-11T08:00:00Z', 'Bob Manager', 'action', 1, NULL, NULL, 'A-001', '1afd99fbcc2e241112f3dd2eaa49bb71f57052e5441d8944586500e51c32ef4e', '20250664e63f487e97e9a5b136cbca35a16c358bb51dd67997b6a26237419211');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-10-11T08:01:00Z', 'Bob Manager', 'nonconformity', 1, 'actions', NULL, 'A-001', '20250664e63f487e97e9a5b136cbca35a16c358bb51dd67997b6a26237419211', '5e39a6723e8459cf3b167aa930672379f9e4e3701bad94e120218af2ea26bc1c');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-10-20T09:00:00Z', 'Bob Manager', 'nonconformity', 1, 'correction-by', NULL, 'Head of IT', '5e39a6723e8459cf3b167aa930672379f9e4e3701bad94e120218af2ea26bc1c', 'a006d1ab563144ecba45c29080560ae098210a83956827f9d97353becaa06b95');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-10-20T09:05:00Z', 'Bob Manager', 'nonconformity', 1, 'status', 'analysis', 'action-planned', 'a006d1ab563144ecba45c29080560ae098210a83956827f9d97353becaa06b95', 'a2e20bb9fb480b39c90af79a8095029b50c1397f9bca2e4c0f1d234f4016dd4a');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-10-25T11:00:00Z', 'Bob Manager', 'nonconformity', 1, 'status', 'action-planned', 'awaiting-approval', 'a2e20bb9fb480b39c90af79a8095029b50c1397f9bca2e4c0f1d234f4016dd4a', 'e14ce9a1033b27d2300ce38039d762703dbea4f61961c636d223e886b0309f10');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-11-01T10:00:00Z', 'Bob Manager', 'approval', 1, NULL, NULL, 'management approved Bob Manager 2025-11-01', 'e14ce9a1033b27d2300ce38039d762703dbea4f61961c636d223e886b0309f10', 'a681d4e85f9b2c1bfaa3d048603349a03d375269af7fcbf270ab1792cebf9535');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-11-01T10:00:00Z', 'Bob Manager', 'nonconformity', 1, 'approval', NULL, 'management approved Bob Manager 2025-11-01', 'a681d4e85f9b2c1bfaa3d048603349a03d375269af7fcbf270ab1792cebf9535', '74c41e571fd83dab0d0c700a4c702da383c4a07e85069d6f625fffadfe9e3820');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-11-05T16:30:00Z', 'Bob Manager', 'approval', 2, NULL, NULL, 'certification-body rejected Example CB 2025-11-05', '74c41e571fd83dab0d0c700a4c702da383c4a07e85069d6f625fffadfe9e3820', 'cfb64d9511661d52d13c99b1f198f537cd903ef505f1a5f11e427c8c9c26cba7');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-11-05T16:30:00Z', 'Bob Manager', 'nonconformity', 1, 'approval', NULL, 'certification-body rejected Example CB 2025-11-05', 'cfb64d9511661d52d13c99b1f198f537cd903ef505f1a5f11e427c8c9c26cba7', 'd8643b857d6299c1e4b1300800117619edb047cf652da7ac1c0dc963f9e8f4e7');
INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash) VALUES ('2025-12-01T10:00:00Z', 'Carol Clerk', 'nonconformity', 3, 'closed-by', NULL, 'Facilities manager', 'd8643b857d6299c1e4b1300800117619edb047cf652da7ac1c0dc963f9e8f4e7', '606e721896bc50ef5767b4a9e73a379c8718d92f013e85aa71fc0c3ebda47269');
COMMIT;
