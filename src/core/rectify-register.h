/* rectify-register.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rectify-action.h"
#include "rectify-audit.h"
#include "rectify-cause.h"
#include "rectify-evidence.h"
#include "rectify-nonconformity.h"
#include "rectify-policy.h"
#include "rectify-verification.h"
#include "rectify-workflow.h"

G_BEGIN_DECLS

/* PRAGMA application_id of a Rectify register: "RECT" */
#define RECTIFY_REGISTER_APPLICATION_ID 0x52454354
/* PRAGMA user_version this build writes */
#define RECTIFY_REGISTER_SCHEMA_VERSION 4

#define RECTIFY_REGISTER_ERROR (rectify_register_error_quark ())

typedef enum
{
  RECTIFY_REGISTER_ERROR_NOT_FOUND,      /* no file at the path */
  RECTIFY_REGISTER_ERROR_EXISTS,         /* create: a file is already there */
  RECTIFY_REGISTER_ERROR_NOT_A_REGISTER, /* not SQLite, or SQLite but not Rectify's */
  RECTIFY_REGISTER_ERROR_CORRUPT,        /* a register whose contents are damaged */
  RECTIFY_REGISTER_ERROR_TOO_NEW,        /* written by a newer Rectify (schema version) */
  RECTIFY_REGISTER_ERROR_READ_ONLY,      /* the file or its folder cannot be written */
  RECTIFY_REGISTER_ERROR_INVALID,        /* a value that cannot be stored (unknown field, bad date, duplicate ref) */
  RECTIFY_REGISTER_ERROR_FAILED,         /* any other SQLite failure (disk full, I/O, busy) */
  RECTIFY_REGISTER_ERROR_REFUSED,        /* a status move refused by a workflow rule */
} RectifyRegisterError;

#define RECTIFY_TYPE_REGISTER (rectify_register_get_type ())

G_DECLARE_FINAL_TYPE (RectifyRegister, rectify_register, RECTIFY, REGISTER, GObject)

/* Signals:
 *   "changed" (RectifyEntity *entity, const char *property)
 *       after a change to a stored entity has been committed (property is NULL for an entity that
 *       was added or removed). Inside rectify_register_begin()/commit() the signals wait for the
 *       outermost commit and are dropped on rollback; the live list models follow each write at
 *       once (and are put back on rollback). Linking and unlinking emit it on the NC with
 *       "actions" and on the action with "nonconformities".
 */

GQuark                rectify_register_error_quark          (void);

/* Creates a new, empty register at @path; fails with EXISTS if a file is there. The register is
 * built as "PATH.part-XXXXXXXX" and renamed once complete; what a killed create left (a part
 * file that no live creator holds locked) is removed by the next create, or open for changing,
 * of @path. */
RectifyRegister      *rectify_register_create               (const char            *path,
                                                             GError               **error);
/* How rectify_register_open_full() opens a register. */
typedef enum
{
  /* for changing; for reading only when the file, its folder or the disk cannot be written */
  RECTIFY_REGISTER_OPEN_DEFAULT   = 0,
  /* for reading only, even when it could be written */
  RECTIFY_REGISTER_OPEN_READ_ONLY = 1 << 0,
  /* for changing, or not at all: READ_ONLY when it cannot be written */
  RECTIFY_REGISTER_OPEN_WRITABLE  = 1 << 1,
} RectifyRegisterOpenFlags;

/* Opens an existing register. A file that is not a register, corrupt, too new or missing gives
 * an error and is left byte-for-byte unchanged. Opened for changing, an older schema is migrated
 * in a transaction after a backup copy "PATH.vN.bak" is written beside it. Opened for reading
 * only (SQLITE_OPEN_READONLY, no write-ahead log switch, no upgrade, no lock for writing),
 * nothing is written and every change is refused with READ_ONLY; an older schema gives READ_ONLY
 * (it must be upgraded in a copy that can be written). */
RectifyRegister      *rectify_register_open_full            (const char            *path,
                                                             RectifyRegisterOpenFlags flags,
                                                             GError               **error);
/* rectify_register_open_full() with RECTIFY_REGISTER_OPEN_DEFAULT. */
RectifyRegister      *rectify_register_open                 (const char            *path,
                                                             GError               **error);
/* Opens a register for reading only, never writing a byte to it or beside it (what the
 * reminders of registers that are not open do). Fails like rectify_register_open (), and also
 * on a register of an older version (READ_ONLY: it needs an upgrade); every change fails with
 * READ_ONLY. */
RectifyRegister      *rectify_register_open_read_only       (const char            *path,
                                                             GError               **error);
/* rectify_register_open() in a worker thread, so that a large register is read while the
 * caller goes on (a window is built and drawn). The register is used from the thread of
 * @callback afterwards. Cancelling drops the result (G_IO_ERROR_CANCELLED). */
void                  rectify_register_open_async           (const char            *path,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
/* How many rectify_register_open_async () have not been finished yet: a program that quits
 * waits for them (their callbacks free what they read and close it). */
guint                 rectify_register_n_opening            (void);
RectifyRegister      *rectify_register_open_finish          (GAsyncResult          *result,
                                                             GError               **error);
const char           *rectify_register_get_path             (RectifyRegister       *self);
/* Whether the register was opened for reading only (rectify_register_open_full()). */
gboolean              rectify_register_is_read_only         (RectifyRegister       *self);
/* Who is written into history rows; defaults to the user's real name. */
void                  rectify_register_set_user             (RectifyRegister       *self,
                                                             const char            *user);
const char           *rectify_register_get_user             (RectifyRegister       *self);

/* Register-wide settings: "organisation", "scope", "certification-body", and policy keys. */
char                 *rectify_register_get_info             (RectifyRegister       *self,
                                                             const char            *key);
gboolean              rectify_register_set_info             (RectifyRegister       *self,
                                                             const char            *key,
                                                             const char            *value,
                                                             GError               **error);

/* Live list models (transfer none): they stay current as entities are added, changed (an
 * items-changed of one item, so sorters and filters re-evaluate) and removed. NCs and audits are
 * read when the register opens; actions on the first rectify_register_get_actions (). */
GListModel           *rectify_register_get_nonconformities  (RectifyRegister       *self);
GListModel           *rectify_register_get_actions          (RectifyRegister       *self);
GListModel           *rectify_register_get_audits           (RectifyRegister       *self);

/* Look-ups (transfer none), NULL when absent. */
RectifyNonconformity *rectify_register_lookup_nonconformity (RectifyRegister       *self,
                                                             gint64                 id);
RectifyNonconformity *rectify_register_find_nonconformity   (RectifyRegister       *self,
                                                             const char            *ref);
RectifyAction        *rectify_register_lookup_action        (RectifyRegister       *self,
                                                             gint64                 id);
RectifyAudit         *rectify_register_lookup_audit         (RectifyRegister       *self,
                                                             gint64                 id);
RectifyAudit         *rectify_register_find_audit           (RectifyRegister       *self,
                                                             const char            *title);

/* Stores a new entity (an NC, action, audit, cause or verification built with _new() and
 * g_object_set()). An NC or action without "ref" gets the next free one ("NC-001", "A-001"); an NC
 * gets "created-at"/"updated-at". On success the entity has its id, is in the live models, and a
 * history row records its creation. */
gboolean              rectify_register_add                  (RectifyRegister       *self,
                                                             RectifyEntity         *entity,
                                                             GError               **error);
/* Changes one property of a stored entity: written in a transaction with a history row (who,
 * when, entity, field, old, new), then set on the object. Unknown properties, the "id" and invalid
 * values (a date that is not YYYY-MM-DD, an empty or duplicate ref) are refused with INVALID. */
gboolean              rectify_register_update               (RectifyRegister       *self,
                                                             RectifyEntity         *entity,
                                                             const char            *property,
                                                             const GValue          *value,
                                                             GError               **error);
/* Convenience forms of rectify_register_update() for string (NULL clears), enum and int
 * properties. */
gboolean              rectify_register_update_string        (RectifyRegister       *self,
                                                             RectifyEntity         *entity,
                                                             const char            *property,
                                                             const char            *value,
                                                             GError               **error);
gboolean              rectify_register_update_enum          (RectifyRegister       *self,
                                                             RectifyEntity         *entity,
                                                             const char            *property,
                                                             int                    value,
                                                             GError               **error);
gboolean              rectify_register_update_int64         (RectifyRegister       *self,
                                                             RectifyEntity         *entity,
                                                             const char            *property,
                                                             gint64                 value,
                                                             GError               **error);
gboolean              rectify_register_remove               (RectifyRegister       *self,
                                                             RectifyEntity         *entity,
                                                             GError               **error);

/* Undo of the last rectify_register_update() or rectify_register_move() (a stack; each undo is
 * itself written and recorded in the history). One undo reverts a whole step: a move with its
 * closed-on/closed-by, an update with the deadlines it recomputed or the reopening it caused.
 * The stack keeps the last RECTIFY_REGISTER_MAX_UNDO_STEPS steps; the oldest step is dropped,
 * whole, when a newer one would go past them. */
#define RECTIFY_REGISTER_MAX_UNDO_STEPS 100

gboolean              rectify_register_can_undo             (RectifyRegister       *self);
gboolean              rectify_register_undo                 (RectifyRegister       *self,
                                                             GError               **error);

/* Groups many writes in one transaction (the demo data, an import). Each add/update inside still
 * writes its history row. Nested calls are counted. rollback undoes the in-memory models too. */
gboolean              rectify_register_begin                (RectifyRegister       *self,
                                                             GError               **error);
gboolean              rectify_register_commit               (RectifyRegister       *self,
                                                             GError               **error);
void                  rectify_register_rollback             (RectifyRegister       *self);

/* Actions <-> NCs, many-to-many. */
gboolean              rectify_register_link_action          (RectifyRegister       *self,
                                                             RectifyNonconformity  *nc,
                                                             RectifyAction         *action,
                                                             GError               **error);
gboolean              rectify_register_unlink_action        (RectifyRegister       *self,
                                                             RectifyNonconformity  *nc,
                                                             RectifyAction         *action,
                                                             GError               **error);
/* New lists (transfer full) of the current links, in ref order. */
GListModel           *rectify_register_list_actions_for     (RectifyRegister       *self,
                                                             RectifyNonconformity  *nc);
GListModel           *rectify_register_list_nonconformities_for (RectifyRegister   *self,
                                                             RectifyAction         *action);
/* TRUE when another program (or another RectifyRegister of the same file) committed a change to
 * the file since @self read it or since this last returned TRUE: the models may be out of date.
 * One PRAGMA: cheap enough to poll. */
gboolean              rectify_register_changed_outside      (RectifyRegister       *self);
/* The corrective actions of @nc that are not cancelled, and how many of them are done, counted
 * by one query without making the actions (the board's "2/3 actions done"). FALSE with @error
 * when the register cannot be read. */
gboolean              rectify_register_count_actions_for    (RectifyRegister       *self,
                                                             RectifyNonconformity  *nc,
                                                             guint                 *n_actions,
                                                             guint                 *n_done,
                                                             GError               **error);

/* Causes of an NC (transfer full), ordered by parent then position. */
GListModel           *rectify_register_list_causes          (RectifyRegister       *self,
                                                             RectifyNonconformity  *nc);
/* Verifications of an NC (transfer full), newest last. */
GListModel           *rectify_register_list_verifications   (RectifyRegister       *self,
                                                             RectifyNonconformity  *nc);

/* History. Each row: */
typedef struct
{
  gint64  id;
  char   *at;         /* ISO 8601 timestamp */
  char   *who;
  char   *entity;     /* table name: "nonconformity", "action", ... */
  gint64  entity_id;
  char   *field;      /* property name, or NULL for "created"/"removed" */
  char   *old_value;
  char   *new_value;
  char   *prev_hash;
  char   *hash;       /* SHA-256 over this row's content and prev_hash */
} RectifyHistoryEntry;

void                  rectify_history_entry_free            (RectifyHistoryEntry   *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyHistoryEntry, rectify_history_entry_free)

/* History rows of one entity (or of the whole register when @entity is NULL), oldest first.
 * (transfer full) (element-type RectifyHistoryEntry) */
GPtrArray            *rectify_register_list_history         (RectifyRegister       *self,
                                                             RectifyEntity         *entity,
                                                             GError               **error);

/* Full-text search (FTS5) over the text of NCs (ref, title, statement, evidence, area,
 * requirement, correction, owner). Every word of @text must match as a prefix; FTS5 syntax in
 * @text is treated as plain words. Returns the ids of matching NCs, best first.
 * (transfer full) (element-type gint64) */
GArray               *rectify_register_search               (RectifyRegister       *self,
                                                             const char            *text,
                                                             GError               **error);

/* SQLite's integrity_check and foreign_key_check, the history hash chain and the SHA-256 of each
 * evidence file; on failure the error names the first problem. */
gboolean              rectify_register_verify               (RectifyRegister       *self,
                                                             GError               **error);

/* Evidence files. rectify_register_add_evidence() stores @evidence (with "nc-id" or "action-id"
 * set) and the file bytes @data; it fills "size", "sha256", "added-by" and "added-at". */
gboolean              rectify_register_add_evidence         (RectifyRegister       *self,
                                                             RectifyEvidence       *evidence,
                                                             GBytes                *data,
                                                             GError               **error);
/* The stored bytes of a piece of evidence (transfer full). */
GBytes               *rectify_register_load_evidence_data   (RectifyRegister       *self,
                                                             RectifyEvidence       *evidence,
                                                             GError               **error);
/* Evidence attached to an NC or an action (transfer full), oldest first. */
GListModel           *rectify_register_list_evidence        (RectifyRegister       *self,
                                                             RectifyEntity         *owner);

/* Approvals of an NC's corrective action plan. @role is "management", "process-owner" or
 * "certification-body"; @decided_on a YYYY-MM-DD date; @approved FALSE records a rejection ("not
 * approved", or for the certification body "not accepted"). @resubmit_by (nullable) is the
 * YYYY-MM-DD date by which the certification body wants the plan resubmitted: only for its "not
 * accepted" decision, and not before @decided_on (INVALID otherwise, nothing written). Each is
 * written with a history row that names the decision, and the resubmit-by date if there is one. */
typedef struct
{
  gint64    id;
  gint64    nc_id;
  char     *role;
  char     *approver;
  gboolean  approved;
  char     *decided_on;
  char     *comment;
  char     *resubmit_by;   /* "YYYY-MM-DD" or NULL */
} RectifyApproval;

void                  rectify_approval_free                 (RectifyApproval       *approval);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyApproval, rectify_approval_free)

gboolean              rectify_register_record_approval      (RectifyRegister       *self,
                                                             RectifyNonconformity  *nc,
                                                             const char            *role,
                                                             const char            *approver,
                                                             gboolean               approved,
                                                             const char            *decided_on,
                                                             const char            *resubmit_by,
                                                             const char            *comment,
                                                             GError               **error);
/* The approvals of @nc, oldest first. (transfer full) (element-type RectifyApproval) */
GPtrArray            *rectify_register_list_approvals       (RectifyRegister       *self,
                                                             RectifyNonconformity  *nc);
/* The standing decisions (the latest of each role): @approved when management or the process
 * owner approved, @cb_accepted when the certification body did. */
void                  rectify_register_get_approval_state   (RectifyRegister       *self,
                                                             RectifyNonconformity  *nc,
                                                             gboolean              *approved,
                                                             gboolean              *cb_accepted);
/* The resubmission the certification body asked for and still waits for: the resubmit-by date
 * of its latest decision in @approvals (as listed by rectify_register_list_approvals()) when that
 * decision is "not accepted" and has one; NULL otherwise (no CB decision, accepted since, or no
 * date). (transfer none) */
const char           *rectify_approvals_get_resubmit_by     (GPtrArray             *approvals);

/* The corrective action lifecycle.
 *
 * Policy. The register keeps its policy in register_info under the "policy.*" keys
 * (rectify-policy.h); a missing key has its default. rectify_register_set_info() with a policy
 * key validates the value (INVALID on a bad one) like rectify_register_set_policy() does. A
 * policy change is one transaction: a history row per key that changes, and the deadlines of
 * every open nonconformity recomputed.
 *
 * Deadlines. "cap-due-on" and "due-on" are computed with rectify_policy_compute_deadlines()
 * (the base date is the end of the NC's audit, else its reported-on date) when an NC is added
 * without them, and again when its grade, audit-id or reported-on change, when the end date of
 * its audit changes and when the policy changes. A date set by hand is kept: a stored date is
 * replaced only while it still equals the date computed from the previous inputs (so a date
 * typed by hand that differs from the computed one is never overwritten, and a cleared date
 * stays cleared when a date was computed). Actions keep their own target dates. */
void                  rectify_register_get_policy           (RectifyRegister       *self,
                                                             RectifyPolicy         *policy);
gboolean              rectify_register_set_policy           (RectifyRegister       *self,
                                                             const RectifyPolicy   *policy,
                                                             GError               **error);

/* The facts the workflow gates look at, gathered from @nc, its causes (root causes counted), its
 * linked actions (owner, target date, success criterion, status, pieces of evidence), its
 * approvals (rectify_register_get_approval_state()) and its last effectiveness review that is not
 * pending. has_correction: correction text and its date recorded; has_response (the light path
 * of observations and OFIs): a correction recorded, or "none needed" with a reason.
 * Free with rectify_register_free_workflow_facts() (it owns the strings and actions). */
RectifyWorkflowFacts *rectify_register_get_workflow_facts   (RectifyRegister       *self,
                                                             RectifyNonconformity  *nc);
void                  rectify_register_free_workflow_facts  (RectifyWorkflowFacts  *facts);

/* Asks rectify_workflow_can_move() with the facts of @nc and the register's policy. */
gboolean              rectify_register_can_move             (RectifyRegister       *self,
                                                             RectifyNonconformity  *nc,
                                                             RectifyStatus          to,
                                                             GPtrArray            **missing);
/* Moves @nc to @to when the workflow allows it. Refused: FALSE with REFUSED (the message is
 * rectify_workflow_describe_missing()) and *@missing (nullable) set to the missing conditions
 * (transfer full, element-type RectifyWorkflowMissing). Allowed: one transaction writes the
 * status (history row "status"); a move to Closed also sets "closed-on" (today) and "closed-by"
 * (the register's user); a reopening (Closed or Verification -> Analysis) writes a history row
 * with field "reopened" (old value: the status it left, new value "analysis") and clears
 * "closed-on" and "closed-by". One rectify_register_undo() reverts the whole move.
 *
 * Recording an effectiveness review as not effective (rectify_register_add() of a
 * RectifyVerification, or an update of its "result") while its NC is in Verification reopens the
 * NC the same way, in the same transaction. */
gboolean              rectify_register_move                 (RectifyRegister       *self,
                                                             RectifyNonconformity  *nc,
                                                             RectifyStatus          to,
                                                             GPtrArray            **missing,
                                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyWorkflowFacts, rectify_register_free_workflow_facts)

G_END_DECLS
