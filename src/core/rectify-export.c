/* rectify-export.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <xlsxwriter.h>

#include "rectify-catalogue.h"
#include "rectify-date.h"
#include "rectify-entity-private.h"
#include "rectify-categories.h"
#include "rectify-export.h"
#include "rectify-fishbone.h"
#include "rectify-register-private.h"

/* Longest string a cell takes, in bytes (Excel's limit is 32767 characters). */
#define MAX_CELL_BYTES 32767
/* Rows of the CB columns that get drop-downs when the plan has fewer NCs than this. */
#define MIN_VALIDATED_ROWS 50
#define CHECK_EVERY 256

typedef struct
{
  gint64    id;
  gint64    parent_id;
  char     *category;
  char     *text;
  int       position;
  gboolean  is_root;
} CauseRow;

typedef struct
{
  char      *ref;
  char      *title;
  char      *audit;
  char      *date;
  char      *area;
  char      *requirement;
  char      *grade;
  char      *statement;
  char      *evidence;
  char      *auditor;
  char      *correction;
  char      *correction_on;
  char      *root_causes;
  char      *actions;
  char      *evidence_names;
  char      *status;
  char      *due_on;
  gboolean   overdue;
  char      *cb_decision;  /* the CB's latest decision, "Accepted" or "Not accepted", or NULL */
  char      *resubmit_by;  /* the resubmit-by date of that decision, or NULL */
  GPtrArray *causes;   /* CauseRow */
  GStrv      categories; /* the bones of its fishbone (rectify_categories_get_for_nc()) */
} NcRow;

typedef struct
{
  char     *ref;
  char     *title;
  char     *ncs;
  char     *owner;
  char     *target_on;
  char     *status;
  char     *success_criterion;
  char     *done_on;
  char     *evidence_names;
  gboolean  overdue;
} ActionRow;

struct _RectifyExportSnapshot
{
  char      *today;
  char      *organisation;
  char      *scope;
  char      *audit_title;   /* NULL: the whole register */
  char      *audit_kind;
  char      *certification_body;
  char      *lead_auditor;
  char      *starts_on;
  char      *ends_on;
  guint      grade_counts[RECTIFY_N_GRADES];
  guint      status_counts[RECTIFY_N_STATUSES];
  guint      n_overdue;
  GPtrArray *ncs;       /* NcRow */
  GPtrArray *actions;   /* ActionRow */
};

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *title;
  lxw_format   *label;
  lxw_format   *group[3];
  lxw_format   *header[3];
  lxw_format   *text;
  lxw_format   *text_center;
  lxw_format   *number;
  lxw_format   *date;
  lxw_format   *date_overdue;
  lxw_format   *number_overdue;
  lxw_format   *cb_input;
  lxw_format   *cb_date;
  lxw_error     status;       /* the first write error */
} Writer;

typedef struct
{
  const char *title;   /* N_() */
  double      width;
} Column;

G_DEFINE_QUARK (rectify-export-error-quark, rectify_export_error)

static void
cause_row_free (gpointer data)
{
  CauseRow *row = data;

  g_free (row->category);
  g_free (row->text);
  g_free (row);
}

static void
nc_row_free (gpointer data)
{
  NcRow *row = data;

  g_free (row->ref);
  g_free (row->title);
  g_free (row->audit);
  g_free (row->date);
  g_free (row->area);
  g_free (row->requirement);
  g_free (row->grade);
  g_free (row->statement);
  g_free (row->evidence);
  g_free (row->auditor);
  g_free (row->correction);
  g_free (row->correction_on);
  g_free (row->root_causes);
  g_free (row->actions);
  g_free (row->evidence_names);
  g_free (row->status);
  g_free (row->due_on);
  g_free (row->cb_decision);
  g_free (row->resubmit_by);
  g_clear_pointer (&row->causes, g_ptr_array_unref);
  g_clear_pointer (&row->categories, g_strfreev);
  g_free (row);
}

static void
action_row_free (gpointer data)
{
  ActionRow *row = data;

  g_free (row->ref);
  g_free (row->title);
  g_free (row->ncs);
  g_free (row->owner);
  g_free (row->target_on);
  g_free (row->status);
  g_free (row->success_criterion);
  g_free (row->done_on);
  g_free (row->evidence_names);
  g_free (row);
}

/* ------------------------------------------------------------------------------------------ */
/* Snapshot                                                                                   */

static char *
evidence_names_of (RectifyRegister *reg,
                   RectifyEntity   *owner)
{
  g_autoptr(GListModel) list = rectify_register_list_evidence (reg, owner);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyEvidence) ev = g_list_model_get_item (list, i);
      const char *name = rectify_evidence_get_name (ev);

      if (name == NULL || *name == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, name);
    }

  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static char *
requirement_label (const char *requirement)
{
  RectifyCatalogueEntry *entry;

  if (requirement == NULL || *requirement == '\0')
    return NULL;

  entry = rectify_catalogue_lookup (requirement);
  if (entry == NULL)
    return g_strdup (requirement);

  return g_strdup (rectify_catalogue_entry_get_label (entry));
}

static void
append_line (GString    *out,
             const char *line)
{
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, line);
}

static NcRow *
snapshot_nc (RectifyRegister      *reg,
             RectifyNonconformity *nc,
             const char           *today,
             GHashTable           *action_evidence)
{
  NcRow *row = g_new0 (NcRow, 1);
  g_autoptr(GPtrArray) approvals = rectify_register_list_approvals (reg, nc);
  g_autoptr(GListModel) actions = rectify_register_list_actions_for (reg, nc);
  g_autoptr(GListModel) causes = rectify_register_list_causes (reg, nc);
  g_autoptr(GString) roots = g_string_new (NULL);
  g_autoptr(GString) action_text = g_string_new (NULL);
  g_autoptr(GString) evidence = g_string_new (NULL);
  g_autofree char *nc_evidence = NULL;
  RectifyAudit *audit = NULL;
  const char *date;
  guint n;

  row->ref = g_strdup (rectify_nonconformity_get_ref (nc));
  row->title = g_strdup (rectify_nonconformity_get_title (nc));
  if (rectify_nonconformity_get_audit_id (nc) != 0)
    audit = rectify_register_lookup_audit (reg, rectify_nonconformity_get_audit_id (nc));
  if (audit != NULL)
    row->audit = g_strdup (rectify_audit_get_title (audit));
  date = rectify_nonconformity_get_reported_on (nc);
  if (date == NULL)
    date = rectify_nonconformity_get_occurred_on (nc);
  row->date = g_strdup (date);
  row->area = g_strdup (rectify_nonconformity_get_area (nc));
  row->requirement = requirement_label (rectify_nonconformity_get_requirement (nc));
  row->grade = g_strdup (rectify_enum_to_label (RECTIFY_TYPE_GRADE,
                                                rectify_nonconformity_get_grade (nc)));
  row->statement = g_strdup (rectify_nonconformity_get_statement (nc));
  row->evidence = g_strdup (rectify_nonconformity_get_evidence (nc));
  row->auditor = g_strdup (rectify_nonconformity_get_reported_by (nc));
  row->correction = g_strdup (rectify_nonconformity_get_correction (nc));
  row->correction_on = g_strdup (rectify_nonconformity_get_correction_on (nc));
  row->status = g_strdup (rectify_enum_to_label (RECTIFY_TYPE_STATUS,
                                                 rectify_nonconformity_get_status (nc)));
  row->due_on = g_strdup (rectify_nonconformity_get_due_on (nc));
  row->overdue = rectify_nonconformity_is_overdue (nc, today);

  /* The certification body's latest decision on the plan, when it has recorded one in the
   * register: the first columns of its follow-up, with the same words as their drop-down */
  for (guint i = approvals->len; i > 0; i--)
    {
      RectifyApproval *a = g_ptr_array_index (approvals, i - 1);

      if (g_strcmp0 (a->role, "certification-body") != 0)
        continue;
      row->cb_decision = g_strdup (a->approved ? _("Accepted") : _("Not accepted"));
      row->resubmit_by = g_strdup (a->resubmit_by);
      break;
    }

  row->categories = rectify_categories_get_for_nc (reg, nc);

  /* Causes, in the register's order (parent, then position). */
  row->causes = g_ptr_array_new_with_free_func (cause_row_free);
  n = causes != NULL ? g_list_model_get_n_items (causes) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);
      CauseRow *crow = g_new0 (CauseRow, 1);

      crow->id = rectify_entity_get_id (RECTIFY_ENTITY (cause));
      crow->parent_id = rectify_cause_get_parent_id (cause);
      crow->category = g_strdup (rectify_cause_get_category (cause));
      crow->text = g_strdup (rectify_cause_get_text (cause));
      crow->position = rectify_cause_get_position (cause);
      crow->is_root = rectify_cause_get_is_root (cause);
      g_ptr_array_add (row->causes, crow);

      if (crow->is_root && crow->text != NULL)
        {
          g_autofree char *line = NULL;

          if (crow->category != NULL && *crow->category != '\0')
            /* Translators: a root cause in the plan: "• TEXT (CATEGORY)" */
            line = g_strdup_printf (_("• %s (%s)"), crow->text, crow->category);
          else
            line = g_strdup_printf ("• %s", crow->text);
          append_line (roots, line);
        }
    }

  nc_evidence = evidence_names_of (reg, RECTIFY_ENTITY (nc));
  if (nc_evidence != NULL)
    append_line (evidence, nc_evidence);

  n = actions != NULL ? g_list_model_get_n_items (actions) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);
      gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (action));
      const char *owner = rectify_action_get_owner (action);
      const char *target = rectify_action_get_target_on (action);
      g_autofree char *line = NULL;
      const char *names;

      /* Translators: a corrective action in the plan: "REF TITLE (owner: NAME, target: DATE)" */
      line = g_strdup_printf (_("%s %s (owner: %s, target: %s)"),
                              rectify_action_get_ref (action),
                              rectify_action_get_title (action) ? rectify_action_get_title (action) : "",
                              owner != NULL ? owner : "–",
                              target != NULL ? target : "–");
      append_line (action_text, line);

      if (!g_hash_table_contains (action_evidence, &id))
        {
          gint64 *key = g_new (gint64, 1);

          *key = id;
          g_hash_table_insert (action_evidence, key,
                               evidence_names_of (reg, RECTIFY_ENTITY (action)));
        }
      names = g_hash_table_lookup (action_evidence, &id);
      if (names != NULL)
        append_line (evidence, names);
    }

  if (roots->len > 0)
    row->root_causes = g_string_free (g_steal_pointer (&roots), FALSE);
  if (action_text->len > 0)
    row->actions = g_string_free (g_steal_pointer (&action_text), FALSE);
  if (evidence->len > 0)
    row->evidence_names = g_string_free (g_steal_pointer (&evidence), FALSE);

  return row;
}

/* The references of the NCs of each action, read with one query beside the actions (one query
 * per action was a sixth of the export of 10,000 NCs): both come in the order of the actions'
 * ids. */
typedef struct
{
  sqlite3_stmt *stmt;
  gboolean      has_row;
} NcRefs;

static void
nc_refs_init (NcRefs          *self,
              RectifyRegister *reg)
{
  /* within an action, the order of rectify_register_list_nonconformities_for (): by reference */
  int rc = sqlite3_prepare_v2 (_rectify_register_get_db (reg),
                               "SELECT na.action_id, n.ref FROM nc_action na"
                               " JOIN nonconformity n ON n.id = na.nc_id"
                               " ORDER BY na.action_id, n.ref",
                               -1, &self->stmt, NULL);

  self->has_row = rc == SQLITE_OK && sqlite3_step (self->stmt) == SQLITE_ROW;
}

static void
nc_refs_clear (NcRefs *self)
{
  g_clear_pointer (&self->stmt, sqlite3_finalize);
}

/* "NC-001, NC-004" for the action @id; the ids asked for must grow. (transfer full) */
static char *
nc_refs_take (NcRefs *self,
              gint64  id)
{
  GString *refs = g_string_new (NULL);

  while (self->has_row && sqlite3_column_int64 (self->stmt, 0) < id)
    self->has_row = sqlite3_step (self->stmt) == SQLITE_ROW;

  while (self->has_row && sqlite3_column_int64 (self->stmt, 0) == id)
    {
      if (refs->len > 0)
        g_string_append (refs, ", ");
      g_string_append (refs, (const char *)sqlite3_column_text (self->stmt, 1));
      self->has_row = sqlite3_step (self->stmt) == SQLITE_ROW;
    }

  return g_string_free (refs, FALSE);
}

static ActionRow *
snapshot_action (RectifyRegister *reg,
                 RectifyAction   *action,
                 const char      *today,
                 GHashTable      *action_evidence,
                 NcRefs          *nc_refs)
{
  ActionRow *row = g_new0 (ActionRow, 1);
  gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (action));

  row->ref = g_strdup (rectify_action_get_ref (action));
  row->title = g_strdup (rectify_action_get_title (action));
  row->ncs = nc_refs_take (nc_refs, id);
  row->owner = g_strdup (rectify_action_get_owner (action));
  row->target_on = g_strdup (rectify_action_get_target_on (action));
  row->status = g_strdup (rectify_enum_to_label (RECTIFY_TYPE_ACTION_STATUS,
                                                 rectify_action_get_status (action)));
  row->success_criterion = g_strdup (rectify_action_get_success_criterion (action));
  row->done_on = g_strdup (rectify_action_get_done_on (action));
  row->overdue = rectify_action_is_overdue (action, today);

  if (g_hash_table_contains (action_evidence, &id))
    row->evidence_names = g_strdup (g_hash_table_lookup (action_evidence, &id));
  else
    row->evidence_names = evidence_names_of (reg, RECTIFY_ENTITY (action));

  return row;
}

/**
 * rectify_export_snapshot_new:
 * @reg: the register
 * @audit: (nullable): only this audit's NCs
 * @today: the date of the plan, "YYYY-MM-DD"
 *
 * Returns: (transfer full): a copy of what the workbook shows
 */
RectifyExportSnapshot *
rectify_export_snapshot_new (RectifyRegister *reg,
                             RectifyAudit    *audit,
                             const char      *today)
{
  RectifyExportSnapshot *self;
  g_autoptr(GHashTable) action_evidence = NULL;
  g_autoptr(GHashTable) action_ids = NULL;
  NcRefs nc_refs;
  GListModel *ncs;
  GListModel *actions;
  gint64 audit_id = 0;
  gboolean in_transaction;
  guint n;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (audit == NULL || RECTIFY_IS_AUDIT (audit), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self = g_new0 (RectifyExportSnapshot, 1);
  self->today = g_strdup (today);
  self->organisation = rectify_register_get_info (reg, "organisation");
  self->scope = rectify_register_get_info (reg, "scope");
  self->certification_body = rectify_register_get_info (reg, "certification-body");
  self->ncs = g_ptr_array_new_with_free_func (nc_row_free);
  self->actions = g_ptr_array_new_with_free_func (action_row_free);

  if (audit != NULL)
    {
      const char *value;

      audit_id = rectify_entity_get_id (RECTIFY_ENTITY (audit));
      self->audit_title = g_strdup (rectify_audit_get_title (audit));
      self->audit_kind = g_strdup (rectify_enum_to_label (RECTIFY_TYPE_AUDIT_KIND,
                                                          rectify_audit_get_kind (audit)));
      self->lead_auditor = g_strdup (rectify_audit_get_lead_auditor (audit));
      self->starts_on = g_strdup (rectify_audit_get_starts_on (audit));
      self->ends_on = g_strdup (rectify_audit_get_ends_on (audit));
      if ((value = rectify_audit_get_certification_body (audit)) != NULL && *value != '\0')
        {
          g_free (self->certification_body);
          self->certification_body = g_strdup (value);
        }
      if ((value = rectify_audit_get_scope (audit)) != NULL && *value != '\0')
        {
          g_free (self->scope);
          self->scope = g_strdup (value);
        }
    }

  /* One read transaction for the many small queries below: consistent, and much faster than a
   * lock per query. (begin takes the write lock in WAL mode; readers go on.) */
  in_transaction = rectify_register_begin (reg, NULL);
  /* The reads below go once through most of the file: a small page cache for them (the
   * register's own, 32 MB, is for large writes), or a plan of 10,000 NCs took 25 MB more */
  sqlite3_exec (_rectify_register_get_db (reg), "PRAGMA cache_size = -2048", NULL, NULL, NULL);

  action_evidence = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  action_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  ncs = rectify_register_get_nonconformities (reg);
  n = g_list_model_get_n_items (ncs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);
      RectifyGrade grade;
      RectifyStatus status;
      NcRow *row;

      if (audit != NULL && rectify_nonconformity_get_audit_id (nc) != audit_id)
        continue;

      row = snapshot_nc (reg, nc, today, action_evidence);
      g_ptr_array_add (self->ncs, row);

      grade = rectify_nonconformity_get_grade (nc);
      status = rectify_nonconformity_get_status (nc);
      if ((guint)grade < RECTIFY_N_GRADES)
        self->grade_counts[grade]++;
      if ((guint)status < RECTIFY_N_STATUSES)
        self->status_counts[status]++;
      if (row->overdue)
        self->n_overdue++;

      if (audit != NULL)
        {
          g_autoptr(GListModel) linked = rectify_register_list_actions_for (reg, nc);
          guint n_linked = g_list_model_get_n_items (linked);

          for (guint j = 0; j < n_linked; j++)
            {
              g_autoptr(RectifyAction) action = g_list_model_get_item (linked, j);
              gint64 *key = g_new (gint64, 1);

              *key = rectify_entity_get_id (RECTIFY_ENTITY (action));
              g_hash_table_add (action_ids, key);
            }
        }
    }

  /* (the actions' list is in the order of their ids) */
  nc_refs_init (&nc_refs, reg);
  actions = rectify_register_get_actions (reg);
  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);
      gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (action));

      if (audit != NULL && !g_hash_table_contains (action_ids, &id))
        continue;

      g_ptr_array_add (self->actions, snapshot_action (reg, action, today, action_evidence,
                                                          &nc_refs));
    }
  nc_refs_clear (&nc_refs);

  /* Nothing was written: the commit only ends the read (a failed commit rolls back itself). */
  sqlite3_exec (_rectify_register_get_db (reg),
                "PRAGMA cache_size = " G_STRINGIFY (RECTIFY_REGISTER_CACHE_KIB), NULL, NULL, NULL);
  if (in_transaction)
    rectify_register_commit (reg, NULL);

  return self;
}

void
rectify_export_snapshot_free (RectifyExportSnapshot *self)
{
  if (self == NULL)
    return;

  g_free (self->today);
  g_free (self->organisation);
  g_free (self->scope);
  g_free (self->audit_title);
  g_free (self->audit_kind);
  g_free (self->certification_body);
  g_free (self->lead_auditor);
  g_free (self->starts_on);
  g_free (self->ends_on);
  g_ptr_array_unref (self->ncs);
  g_ptr_array_unref (self->actions);
  g_free (self);
}

guint
rectify_export_snapshot_get_n_nonconformities (RectifyExportSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->ncs->len;
}

/* ------------------------------------------------------------------------------------------ */
/* Writing                                                                                    */

static void
note_error (Writer    *w,
            lxw_error  err)
{
  if (err != LXW_NO_ERROR && w->status == LXW_NO_ERROR)
    w->status = err;
}

/* User text is always written as a string cell, never as a formula. */
static void
write_text (Writer        *w,
            lxw_worksheet *ws,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  if (text == NULL || *text == '\0')
    {
      note_error (w, worksheet_write_blank (ws, row, col, format));
      return;
    }

  if (strlen (text) > MAX_CELL_BYTES)
    {
      g_autofree char *cut = NULL;
      const char *end = g_utf8_find_prev_char (text, text + MAX_CELL_BYTES);

      cut = g_strndup (text, end - text);
      note_error (w, worksheet_write_string (ws, row, col, cut, format));
      return;
    }

  note_error (w, worksheet_write_string (ws, row, col, text, format));
}

/* Excel's serial day number of an ISO date (1900 date system), or FALSE. */
static gboolean
excel_date (const char *iso,
            double     *serial)
{
  GDate date;
  GDate epoch;

  if (iso == NULL || !rectify_date_parse (iso, &date))
    return FALSE;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  *serial = (double)g_date_days_between (&epoch, &date);

  /* Excel counts a 29 February 1900 that never was; dates before March 1900 are off by one. */
  if (*serial < 61)
    *serial -= 1;

  return *serial >= 1;
}

static void
write_date (Writer        *w,
            lxw_worksheet *ws,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *iso,
            lxw_format    *date_format,
            lxw_format    *text_format)
{
  double serial;

  if (excel_date (iso, &serial))
    note_error (w, worksheet_write_number (ws, row, col, serial, date_format));
  else
    write_text (w, ws, row, col, iso, text_format);
}

static void
write_count (Writer        *w,
             lxw_worksheet *ws,
             lxw_row_t      row,
             const char    *label,
             guint          count)
{
  write_text (w, ws, row, 0, label, w->text);
  note_error (w, worksheet_write_number (ws, row, 1, count, w->number));
}

static void
setup_formats (Writer *w)
{
  static const lxw_color_t group_fill[3] = { 0x1F4E79, 0x385723, 0x7F6000 };
  static const lxw_color_t header_fill[3] = { 0xD9E1F2, 0xE2EFDA, 0xFFF2CC };

  w->title = workbook_add_format (w->workbook);
  format_set_bold (w->title);
  format_set_font_size (w->title, 16);

  w->label = workbook_add_format (w->workbook);
  format_set_bold (w->label);
  format_set_align (w->label, LXW_ALIGN_VERTICAL_TOP);

  for (guint i = 0; i < 3; i++)
    {
      w->group[i] = workbook_add_format (w->workbook);
      format_set_bold (w->group[i]);
      format_set_font_size (w->group[i], 12);
      format_set_font_color (w->group[i], LXW_COLOR_WHITE);
      format_set_bg_color (w->group[i], group_fill[i]);
      format_set_align (w->group[i], LXW_ALIGN_CENTER);
      format_set_align (w->group[i], LXW_ALIGN_VERTICAL_CENTER);
      format_set_border (w->group[i], LXW_BORDER_THIN);

      w->header[i] = workbook_add_format (w->workbook);
      format_set_bold (w->header[i]);
      format_set_bg_color (w->header[i], header_fill[i]);
      format_set_text_wrap (w->header[i]);
      format_set_align (w->header[i], LXW_ALIGN_VERTICAL_CENTER);
      format_set_border (w->header[i], LXW_BORDER_THIN);
    }

  w->text = workbook_add_format (w->workbook);
  format_set_text_wrap (w->text);
  format_set_align (w->text, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (w->text, LXW_BORDER_THIN);

  w->text_center = workbook_add_format (w->workbook);
  format_set_align (w->text_center, LXW_ALIGN_CENTER);
  format_set_align (w->text_center, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (w->text_center, LXW_BORDER_THIN);

  w->number = workbook_add_format (w->workbook);
  format_set_align (w->number, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (w->number, LXW_BORDER_THIN);

  w->date = workbook_add_format (w->workbook);
  format_set_num_format (w->date, "dd mmm yyyy");
  format_set_align (w->date, LXW_ALIGN_LEFT);
  format_set_align (w->date, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (w->date, LXW_BORDER_THIN);

  w->date_overdue = workbook_add_format (w->workbook);
  format_set_num_format (w->date_overdue, "dd mmm yyyy");
  format_set_align (w->date_overdue, LXW_ALIGN_LEFT);
  format_set_align (w->date_overdue, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (w->date_overdue, LXW_BORDER_THIN);
  format_set_bold (w->date_overdue);
  format_set_font_color (w->date_overdue, 0x9C0006);
  format_set_bg_color (w->date_overdue, 0xFFC7CE);

  w->number_overdue = workbook_add_format (w->workbook);
  format_set_align (w->number_overdue, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (w->number_overdue, LXW_BORDER_THIN);
  format_set_bold (w->number_overdue);
  format_set_font_color (w->number_overdue, 0x9C0006);
  format_set_bg_color (w->number_overdue, 0xFFC7CE);

  w->cb_input = workbook_add_format (w->workbook);
  format_set_text_wrap (w->cb_input);
  format_set_align (w->cb_input, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (w->cb_input, LXW_BORDER_THIN);
  format_set_bg_color (w->cb_input, 0xFFFDF3);
  format_set_unlocked (w->cb_input);

  w->cb_date = workbook_add_format (w->workbook);
  format_set_num_format (w->cb_date, "dd mmm yyyy");
  format_set_align (w->cb_date, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (w->cb_date, LXW_BORDER_THIN);
  format_set_bg_color (w->cb_date, 0xFFFDF3);
  format_set_unlocked (w->cb_date);
}

/* Header/footer text: '&' starts a code there, so user text doubles it. */
static char *
escape_header (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '&')
        g_string_append_c (out, '&');
      g_string_append_c (out, *p);
    }

  /* Excel limits a header to 255 characters with its codes. */
  if (out->len > 120)
    {
      const char *end = g_utf8_find_prev_char (out->str, out->str + 120);

      g_string_truncate (out, end - out->str);
      if (out->len > 0 && out->str[out->len - 1] == '&')
        g_string_truncate (out, out->len - 1);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
setup_page (Writer                *w,
            lxw_worksheet         *ws,
            RectifyExportSnapshot *snap,
            const char            *sheet_title,
            lxw_row_t              last_header_row)
{
  g_autofree char *org = escape_header (snap->organisation);
  g_autofree char *what = escape_header (snap->audit_title != NULL ? snap->audit_title
                                                                    : _("All audits"));
  g_autofree char *title = escape_header (sheet_title);
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;

  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9 /* A4 */);
  worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_fit_to_pages (ws, 1, 0);
  note_error (w, worksheet_repeat_rows (ws, 0, last_header_row));

  header = g_strdup_printf ("&L&\"-,Bold\"%s&C%s&R%s", title, what, org);
  /* Translators: the page footer of the workbook; keep &P (page) and &N (pages) */
  footer = g_strdup_printf ("&L%s&R%s", snap->today, _("Page &P of &N"));
  note_error (w, worksheet_set_header (ws, header));
  note_error (w, worksheet_set_footer (ws, footer));
}

static void
write_header_row (Writer        *w,
                  lxw_worksheet *ws,
                  lxw_row_t      row,
                  const Column  *columns,
                  guint          n_columns,
                  const guint   *group_of)
{
  note_error (w, worksheet_set_row (ws, row, 32, NULL));
  for (guint i = 0; i < n_columns; i++)
    {
      lxw_format *format = w->header[group_of != NULL ? group_of[i] : 0];

      note_error (w, worksheet_set_column (ws, i, i, columns[i].width, NULL));
      write_text (w, ws, row, i, _(columns[i].title), format);
    }
}

static void
write_summary (Writer                *w,
               RectifyExportSnapshot *snap)
{
  lxw_worksheet *ws = workbook_add_worksheet (w->workbook, _("Summary"));
  lxw_row_t row = 0;
  g_autofree char *audit = NULL;

  if (ws == NULL)
    {
      note_error (w, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }

  setup_page (w, ws, snap, _("Summary"), 0);
  worksheet_set_portrait (ws);
  note_error (w, worksheet_set_column (ws, 0, 0, 30, NULL));
  note_error (w, worksheet_set_column (ws, 1, 1, 60, NULL));

  note_error (w, worksheet_set_row (ws, row, 24, NULL));
  write_text (w, ws, row++, 0, _("Corrective action plan"), w->title);
  row++;

  if (snap->audit_title != NULL && snap->audit_kind != NULL)
    audit = g_strdup_printf ("%s (%s)", snap->audit_title, snap->audit_kind);
  else if (snap->audit_title != NULL)
    audit = g_strdup (snap->audit_title);
  else
    audit = g_strdup (_("All audits"));

  write_text (w, ws, row, 0, _("Organisation"), w->label);
  write_text (w, ws, row++, 1, snap->organisation, w->text);
  write_text (w, ws, row, 0, _("Scope"), w->label);
  write_text (w, ws, row++, 1, snap->scope, w->text);
  write_text (w, ws, row, 0, _("Audit"), w->label);
  write_text (w, ws, row++, 1, audit, w->text);
  write_text (w, ws, row, 0, _("Certification body"), w->label);
  write_text (w, ws, row++, 1, snap->certification_body, w->text);
  write_text (w, ws, row, 0, _("Lead auditor"), w->label);
  write_text (w, ws, row++, 1, snap->lead_auditor, w->text);
  write_text (w, ws, row, 0, _("Audit start"), w->label);
  write_date (w, ws, row++, 1, snap->starts_on, w->date, w->text);
  write_text (w, ws, row, 0, _("Audit end"), w->label);
  write_date (w, ws, row++, 1, snap->ends_on, w->date, w->text);
  write_text (w, ws, row, 0, _("Date of the plan"), w->label);
  write_date (w, ws, row++, 1, snap->today, w->date, w->text);
  row++;

  write_text (w, ws, row, 0, _("Grade"), w->header[0]);
  write_text (w, ws, row++, 1, _("Nonconformities"), w->header[0]);
  for (guint i = 0; i < RECTIFY_N_GRADES; i++)
    write_count (w, ws, row++, rectify_enum_to_label (RECTIFY_TYPE_GRADE, i),
                 snap->grade_counts[i]);
  write_count (w, ws, row++, _("Total"), snap->ncs->len);
  row++;

  write_text (w, ws, row, 0, _("Status"), w->header[1]);
  write_text (w, ws, row++, 1, _("Nonconformities"), w->header[1]);
  for (guint i = 0; i < RECTIFY_N_STATUSES; i++)
    write_count (w, ws, row++, rectify_enum_to_label (RECTIFY_TYPE_STATUS, i),
                 snap->status_counts[i]);
  row++;

  write_text (w, ws, row, 0, _("Overdue"), w->label);
  if (snap->n_overdue > 0)
    note_error (w, worksheet_write_number (ws, row, 1, snap->n_overdue, w->number_overdue));
  else
    note_error (w, worksheet_write_number (ws, row, 1, 0, w->number));
  row++;
  write_text (w, ws, row, 0, _("Corrective actions"), w->label);
  note_error (w, worksheet_write_number (ws, row, 1, snap->actions->len, w->number));
}

enum {
  CAP_REF, CAP_AUDIT, CAP_DATE, CAP_AREA, CAP_REQUIREMENT, CAP_GRADE, CAP_STATEMENT, CAP_EVIDENCE,
  CAP_AUDITOR,
  CAP_CORRECTION, CAP_CORRECTION_ON, CAP_ROOT_CAUSES, CAP_ACTIONS, CAP_EVIDENCE_NAMES, CAP_STATUS,
  CAP_DUE_ON,
  CAP_ACCEPTED, CAP_RESUBMIT_BY, CAP_METHOD, CAP_EFFECTIVE, CAP_COMMENT, CAP_CLOSED_BY,
  CAP_CLOSED_ON,
  CAP_N_COLUMNS
};

static const Column cap_columns[CAP_N_COLUMNS] = {
  { N_("NC no."), 10 },
  { N_("Audit"), 18 },
  { N_("Date"), 12 },
  { N_("Area"), 18 },
  { N_("Requirement"), 24 },
  { N_("Grade"), 11 },
  { N_("Nonconformity statement"), 45 },
  { N_("Objective evidence"), 45 },
  { N_("Auditor"), 16 },
  { N_("Correction"), 35 },
  { N_("Correction date"), 12 },
  { N_("Root cause(s)"), 35 },
  { N_("Corrective actions (owner, target date)"), 45 },
  { N_("Evidence"), 25 },
  { N_("Status"), 14 },
  { N_("Due date"), 12 },
  { N_("CAP accepted"), 13 },
  { N_("Resubmit by"), 12 },
  { N_("Verification method"), 16 },
  { N_("Effective"), 10 },
  { N_("Comment"), 30 },
  { N_("Closed by"), 16 },
  { N_("Closed on"), 12 },
};

static const guint cap_groups[CAP_N_COLUMNS] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 1, 1,
  2, 2, 2, 2, 2, 2, 2,
};

static void
add_list_validation (Writer        *w,
                     lxw_worksheet *ws,
                     lxw_row_t      first,
                     lxw_row_t      last,
                     lxw_col_t      col,
                     const char   **values)
{
  lxw_data_validation validation = { 0 };

  validation.validate = LXW_VALIDATION_TYPE_LIST;
  validation.value_list = (char **)values;
  validation.ignore_blank = LXW_VALIDATION_ON;
  note_error (w, worksheet_data_validation_range (ws, first, col, last, col, &validation));
}

static void
add_date_validation (Writer        *w,
                     lxw_worksheet *ws,
                     lxw_row_t      first,
                     lxw_row_t      last,
                     lxw_col_t      col)
{
  lxw_data_validation validation = { 0 };
  lxw_datetime min = { 2000, 1, 1, 0, 0, 0 };
  lxw_datetime max = { 2199, 12, 31, 0, 0, 0 };

  validation.validate = LXW_VALIDATION_TYPE_DATE;
  validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  validation.minimum_datetime = min;
  validation.maximum_datetime = max;
  validation.ignore_blank = LXW_VALIDATION_ON;
  validation.error_title = (char *)_("Not a date");
  validation.error_message = (char *)_("Enter a date, for example 2026-03-31.");
  note_error (w, worksheet_data_validation_range (ws, first, col, last, col, &validation));
}

static gboolean
tick (GCancellable          *cancellable,
      RectifyExportProgress  progress_cb,
      gpointer               user_data,
      guint                  done,
      guint                  total)
{
  if (done % CHECK_EVERY != 0)
    return TRUE;
  if (progress_cb != NULL && total > 0)
    progress_cb ((double)done / total, user_data);

  return !g_cancellable_is_cancelled (cancellable);
}

static gboolean
write_cap (Writer                *w,
           RectifyExportSnapshot *snap,
           GCancellable          *cancellable,
           RectifyExportProgress  progress_cb,
           gpointer               user_data,
           guint                 *done,
           guint                  total)
{
  lxw_worksheet *ws = workbook_add_worksheet (w->workbook, _("Corrective Action Plan"));
  const char *accepted[] = { _("Accepted"), _("Not accepted"), NULL };
  const char *methods[] = { _("Document review"), _("On-site visit"), _("Next audit"), NULL };
  const char *yes_no[] = { _("Yes"), _("No"), NULL };
  lxw_row_t first = 2;
  lxw_row_t last;

  if (ws == NULL)
    {
      note_error (w, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return TRUE;
    }

  setup_page (w, ws, snap, _("Corrective Action Plan"), 1);

  /* Row 0: the three groups of columns. */
  note_error (w, worksheet_set_row (ws, 0, 22, NULL));
  note_error (w, worksheet_merge_range (ws, 0, CAP_REF, 0, CAP_AUDITOR,
                                        _("Auditor's finding"), w->group[0]));
  note_error (w, worksheet_merge_range (ws, 0, CAP_CORRECTION, 0, CAP_DUE_ON,
                                        _("Organisation's response"), w->group[1]));
  note_error (w, worksheet_merge_range (ws, 0, CAP_ACCEPTED, 0, CAP_CLOSED_ON,
                                        _("Certification body follow-up"), w->group[2]));

  write_header_row (w, ws, 1, cap_columns, CAP_N_COLUMNS, cap_groups);

  for (guint i = 0; i < snap->ncs->len; i++)
    {
      NcRow *nc = g_ptr_array_index (snap->ncs, i);
      lxw_row_t row = first + i;

      write_text (w, ws, row, CAP_REF, nc->ref, w->text);
      write_text (w, ws, row, CAP_AUDIT, nc->audit, w->text);
      write_date (w, ws, row, CAP_DATE, nc->date, w->date, w->text);
      write_text (w, ws, row, CAP_AREA, nc->area, w->text);
      write_text (w, ws, row, CAP_REQUIREMENT, nc->requirement, w->text);
      write_text (w, ws, row, CAP_GRADE, nc->grade, w->text);
      write_text (w, ws, row, CAP_STATEMENT, nc->statement, w->text);
      write_text (w, ws, row, CAP_EVIDENCE, nc->evidence, w->text);
      write_text (w, ws, row, CAP_AUDITOR, nc->auditor, w->text);
      write_text (w, ws, row, CAP_CORRECTION, nc->correction, w->text);
      write_date (w, ws, row, CAP_CORRECTION_ON, nc->correction_on, w->date, w->text);
      write_text (w, ws, row, CAP_ROOT_CAUSES, nc->root_causes, w->text);
      write_text (w, ws, row, CAP_ACTIONS, nc->actions, w->text);
      write_text (w, ws, row, CAP_EVIDENCE_NAMES, nc->evidence_names, w->text);
      write_text (w, ws, row, CAP_STATUS, nc->status, w->text);
      write_date (w, ws, row, CAP_DUE_ON, nc->due_on,
                  nc->overdue ? w->date_overdue : w->date, w->text);
      write_text (w, ws, row, CAP_ACCEPTED, nc->cb_decision, w->cb_input);
      if (nc->resubmit_by != NULL)
        write_date (w, ws, row, CAP_RESUBMIT_BY, nc->resubmit_by, w->cb_date, w->cb_input);
      else
        note_error (w, worksheet_write_blank (ws, row, CAP_RESUBMIT_BY, w->cb_date));
      for (guint col = CAP_METHOD; col <= CAP_CLOSED_ON; col++)
        {
          lxw_format *format = col == CAP_CLOSED_ON ? w->cb_date : w->cb_input;

          note_error (w, worksheet_write_blank (ws, row, col, format));
        }

      if (!tick (cancellable, progress_cb, user_data, ++(*done), total))
        return FALSE;
    }

  last = first + MAX (snap->ncs->len, MIN_VALIDATED_ROWS) - 1;
  add_list_validation (w, ws, first, last, CAP_ACCEPTED, accepted);
  add_date_validation (w, ws, first, last, CAP_RESUBMIT_BY);
  add_list_validation (w, ws, first, last, CAP_METHOD, methods);
  add_list_validation (w, ws, first, last, CAP_EFFECTIVE, yes_no);
  add_date_validation (w, ws, first, last, CAP_CLOSED_ON);

  worksheet_freeze_panes (ws, 2, 1);
  note_error (w, worksheet_autofilter (ws, 1, 0, MAX (first + snap->ncs->len, first + 1) - 1,
                                       CAP_N_COLUMNS - 1));
  worksheet_activate (ws);

  return TRUE;
}

enum {
  ACT_REF, ACT_TITLE, ACT_NCS, ACT_OWNER, ACT_TARGET, ACT_STATUS, ACT_SUCCESS, ACT_DONE,
  ACT_EVIDENCE, ACT_N_COLUMNS
};

static const Column action_columns[ACT_N_COLUMNS] = {
  { N_("Action no."), 10 },
  { N_("Action"), 45 },
  { N_("NCs addressed"), 16 },
  { N_("Owner"), 18 },
  { N_("Target date"), 12 },
  { N_("Status"), 13 },
  { N_("Success criterion"), 40 },
  { N_("Done on"), 12 },
  { N_("Evidence"), 30 },
};

static gboolean
write_actions (Writer                *w,
               RectifyExportSnapshot *snap,
               GCancellable          *cancellable,
               RectifyExportProgress  progress_cb,
               gpointer               user_data,
               guint                 *done,
               guint                  total)
{
  lxw_worksheet *ws = workbook_add_worksheet (w->workbook, _("Actions"));

  if (ws == NULL)
    {
      note_error (w, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return TRUE;
    }

  setup_page (w, ws, snap, _("Actions"), 0);
  write_header_row (w, ws, 0, action_columns, ACT_N_COLUMNS, NULL);

  for (guint i = 0; i < snap->actions->len; i++)
    {
      ActionRow *a = g_ptr_array_index (snap->actions, i);
      lxw_row_t row = 1 + i;

      write_text (w, ws, row, ACT_REF, a->ref, w->text);
      write_text (w, ws, row, ACT_TITLE, a->title, w->text);
      write_text (w, ws, row, ACT_NCS, a->ncs, w->text);
      write_text (w, ws, row, ACT_OWNER, a->owner, w->text);
      write_date (w, ws, row, ACT_TARGET, a->target_on,
                  a->overdue ? w->date_overdue : w->date, w->text);
      write_text (w, ws, row, ACT_STATUS, a->status, w->text);
      write_text (w, ws, row, ACT_SUCCESS, a->success_criterion, w->text);
      write_date (w, ws, row, ACT_DONE, a->done_on, w->date, w->text);
      write_text (w, ws, row, ACT_EVIDENCE, a->evidence_names, w->text);

      if (!tick (cancellable, progress_cb, user_data, ++(*done), total))
        return FALSE;
    }

  worksheet_freeze_panes (ws, 1, 1);
  note_error (w, worksheet_autofilter (ws, 0, 0, MAX (snap->actions->len, 1), ACT_N_COLUMNS - 1));

  return TRUE;
}

enum {
  RC_REF, RC_CHAIN, RC_WHY, RC_CATEGORY, RC_CAUSE, RC_ROOT, RC_N_COLUMNS
};

static const Column cause_columns[RC_N_COLUMNS] = {
  { N_("NC no."), 10 },
  { N_("Chain"), 8 },
  { N_("Why no."), 8 },
  { N_("Category"), 22 },
  { N_("Cause"), 70 },
  { N_("Root cause"), 11 },
};

/* Writes @cause and the causes that answer "why?" for it, depth first. */
static void
write_cause_tree (Writer        *w,
                  lxw_worksheet *ws,
                  lxw_row_t     *row,
                  const char    *ref,
                  GPtrArray     *causes,
                  CauseRow      *cause,
                  guint          chain,
                  guint          depth)
{
  if (depth > 64)
    return;

  write_text (w, ws, *row, RC_REF, ref, w->text);
  note_error (w, worksheet_write_number (ws, *row, RC_CHAIN, chain, w->text_center));
  note_error (w, worksheet_write_number (ws, *row, RC_WHY, depth + 1, w->text_center));
  write_text (w, ws, *row, RC_CATEGORY, cause->category, w->text);
  write_text (w, ws, *row, RC_CAUSE, cause->text, w->text);
  write_text (w, ws, *row, RC_ROOT, cause->is_root ? _("Yes") : NULL, w->text_center);
  (*row)++;

  for (guint i = 0; i < causes->len; i++)
    {
      CauseRow *child = g_ptr_array_index (causes, i);

      if (child->parent_id == cause->id && child != cause)
        write_cause_tree (w, ws, row, ref, causes, child, chain, depth + 1);
    }
}

static gboolean
is_top_cause (GPtrArray *causes,
              CauseRow  *cause)
{
  if (cause->parent_id == 0)
    return TRUE;

  for (guint i = 0; i < causes->len; i++)
    if (((CauseRow *)g_ptr_array_index (causes, i))->id == cause->parent_id)
      return FALSE;

  return TRUE;
}

/* Fishbone diagrams in the Root causes sheet: only in a plan of at most this many NCs (a plan for
 * one audit has far fewer; for a whole register of thousands they would cost seconds and tens of
 * megabytes), each shown at most this size in pixels (a row is at most 409 points high). */
#define MAX_DIAGRAMS 200
#define DIAGRAM_MAX_WIDTH 840.0
#define DIAGRAM_MAX_HEIGHT 530.0
/* Rendered at this multiple of the size shown, for print */
#define DIAGRAM_PRINT_SCALE 1.5

/* The fishbone diagram of @nc, drawn by the same code as the app's (rectify-fishbone.c) from the
 * snapshot's copy of its causes. Runs in the export's thread: the causes are new objects of
 * that thread. */
static GBytes *
render_diagram (NcRow   *nc,
                double  *width,
                double  *height,
                GError **error)
{
  g_autoptr(GListStore) causes = g_list_store_new (RECTIFY_TYPE_CAUSE);
  g_autoptr(RectifyFishboneLayout) layout = NULL;
  const char *problem = nc->title != NULL && *nc->title != '\0' ? nc->title : nc->statement;
  double w = 0, h = 0, fit;

  for (guint i = 0; i < nc->causes->len; i++)
    {
      CauseRow *row = g_ptr_array_index (nc->causes, i);
      g_autoptr(RectifyCause) cause = g_object_new (RECTIFY_TYPE_CAUSE,
                                                    "parent-id", row->parent_id,
                                                    "category", row->category,
                                                    "text", row->text,
                                                    "position", row->position,
                                                    "is-root", row->is_root,
                                                    NULL);

      _rectify_entity_load_id (RECTIFY_ENTITY (cause), row->id);
      g_list_store_append (causes, cause);
    }

  layout = rectify_fishbone_layout_new (nc->ref, problem, (const char * const *)nc->categories,
                                        G_LIST_MODEL (causes), NULL, 1.0);
  rectify_fishbone_layout_get_size (layout, &w, &h);
  if (w <= 0 || h <= 0)
    {
      g_set_error_literal (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_FAILED,
                           "empty diagram");
      return NULL;
    }

  fit = MIN (1.0, MIN (DIAGRAM_MAX_WIDTH / w, DIAGRAM_MAX_HEIGHT / h));
  *width = w * fit;
  *height = h * fit;

  return rectify_fishbone_render_png (layout, NULL, fit * DIAGRAM_PRINT_SCALE, error);
}

/* A row below the causes of @nc with its fishbone diagram; FALSE when no image was placed. */
static gboolean
write_diagram (Writer        *w,
               lxw_worksheet *ws,
               lxw_row_t     *row,
               NcRow         *nc)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  lxw_image_options options = { 0 };
  double width = 0, height = 0;
  gsize size = 0;
  const guchar *data;

  if ((png = render_diagram (nc, &width, &height, &error)) == NULL)
    {
      g_warning ("Could not draw the fishbone diagram of %s: %s", nc->ref, error->message);
      return FALSE;
    }

  data = g_bytes_get_data (png, &size);
  /* Translators: the description (alt text) of an image in the workbook; %s is an NC's ref */
  description = g_strdup_printf (_("Fishbone diagram of %s"), nc->ref);
  options.x_offset = 4;
  options.y_offset = 4;
  options.x_scale = options.y_scale = 1.0 / DIAGRAM_PRINT_SCALE;
  options.object_position = LXW_OBJECT_MOVE_DONT_SIZE;
  options.description = description;

  /* Pixels at 96 dpi to points, and room for the offsets */
  note_error (w, worksheet_set_row (ws, *row, MIN (409.0, height * 0.75 + 8.0), NULL));
  write_text (w, ws, *row, RC_REF, nc->ref, w->text);
  note_error (w, worksheet_insert_image_buffer_opt (ws, *row, RC_CHAIN, data, size, &options));
  (*row)++;

  return TRUE;
}

static gboolean
write_causes (Writer                *w,
              RectifyExportSnapshot *snap,
              GCancellable          *cancellable,
              RectifyExportProgress  progress_cb,
              gpointer               user_data,
              guint                 *done,
              guint                  total)
{
  lxw_worksheet *ws = workbook_add_worksheet (w->workbook, _("Root causes"));
  lxw_row_t row = 1;
  guint n_diagrams = 0;
  guint n_left_out = 0;

  if (ws == NULL)
    {
      note_error (w, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return TRUE;
    }

  setup_page (w, ws, snap, _("Root causes"), 0);
  write_header_row (w, ws, 0, cause_columns, RC_N_COLUMNS, NULL);

  for (guint i = 0; i < snap->ncs->len; i++)
    {
      NcRow *nc = g_ptr_array_index (snap->ncs, i);
      guint chain = 0;

      for (guint j = 0; j < nc->causes->len; j++)
        {
          CauseRow *cause = g_ptr_array_index (nc->causes, j);

          if (is_top_cause (nc->causes, cause))
            write_cause_tree (w, ws, &row, nc->ref, nc->causes, cause, ++chain, 0);
        }

      /* A plan of more NCs than MAX_DIAGRAMS (a whole large register) gets none: drawing and
       * compressing hundreds of images would take seconds and megabytes for a sheet no one
       * prints; the note below says to export one audit. */
      if (nc->causes->len > 0 && snap->ncs->len <= MAX_DIAGRAMS &&
          write_diagram (w, ws, &row, nc))
        n_diagrams++;
      else if (nc->causes->len > 0 && snap->ncs->len > MAX_DIAGRAMS)
        n_left_out++;

      if (!tick (cancellable, progress_cb, user_data, ++(*done), total))
        return FALSE;
    }

  if (n_left_out > 0)
    {
      g_autofree char *note = NULL;

      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: the last row of the Root causes sheet
                                            * of a large plan; %u is a number of NCs */
                                           "The fishbone diagram of %'u more nonconformity is not "
                                           "included: export one audit to include every diagram.",
                                           "The fishbone diagrams of %'u more nonconformities are "
                                           "not included: export one audit to include every "
                                           "diagram.",
                                           n_left_out),
                              n_left_out);
      row++;
      write_text (w, ws, row, RC_CAUSE, note, w->text);
      row++;
    }

  worksheet_freeze_panes (ws, 1, 1);
  note_error (w, worksheet_autofilter (ws, 0, 0, MAX (row - 1, 1), RC_N_COLUMNS - 1));

  return TRUE;
}

static time_t
created_time (const char *today)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (!rectify_date_parse (today, &date))
    return 0;

  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 0, 0, 0);

  return dt != NULL ? (time_t)g_date_time_to_unix (dt) : 0;
}

/**
 * rectify_export_snapshot_write:
 *
 * Returns: %TRUE when the workbook was written at @path
 */
gboolean
rectify_export_snapshot_write (RectifyExportSnapshot  *snap,
                               const char             *path,
                               RectifyExportProgress   progress_cb,
                               gpointer                user_data,
                               GCancellable           *cancellable,
                               GError                **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *tmpdir = g_strdup (g_get_tmp_dir ());
  lxw_workbook_options options = { 0 };
  lxw_doc_properties properties = { 0 };
  Writer w = { 0 };
  lxw_error err;
  guint done = 0;
  guint total;
  int fd;

  g_return_val_if_fail (snap != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);

  if (!rectify_date_parse (snap->today, NULL))
    {
      g_set_error (error, RECTIFY_EXPORT_ERROR, RECTIFY_EXPORT_ERROR_INVALID,
                   /* Translators: %s is what was given as the date */
                   _("“%s” is not a date"), snap->today);
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RECTIFY_EXPORT_ERROR, RECTIFY_EXPORT_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Cannot write %s: it is a folder"), display);
      return FALSE;
    }

  /* A temporary file beside the target, renamed over it once complete. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RECTIFY_EXPORT_ERROR, RECTIFY_EXPORT_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second the reason */
                   _("Cannot write %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir;
  w.workbook = workbook_new_opt (tmp_path, &options);
  if (w.workbook == NULL)
    {
      g_unlink (tmp_path);
      g_set_error (error, RECTIFY_EXPORT_ERROR, RECTIFY_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: %s"), display, _("out of memory"));
      return FALSE;
    }

  setup_formats (&w);

  subject = g_strdup (snap->audit_title != NULL ? snap->audit_title : _("All audits"));
  properties.title = (char *)_("Corrective action plan");
  properties.subject = subject;
  properties.author = snap->organisation;
  properties.company = snap->organisation;
  properties.comments = (char *)_("Written by Rectify");
  properties.created = created_time (snap->today);
  note_error (&w, workbook_set_properties (w.workbook, &properties));

  total = snap->ncs->len * 2 + snap->actions->len;

  write_summary (&w, snap);
  if (!write_cap (&w, snap, cancellable, progress_cb, user_data, &done, total) ||
      !write_actions (&w, snap, cancellable, progress_cb, user_data, &done, total) ||
      !write_causes (&w, snap, cancellable, progress_cb, user_data, &done, total))
    {
      lxw_workbook_free (w.workbook);
      g_unlink (tmp_path);
      return !g_cancellable_set_error_if_cancelled (cancellable, error);
    }

  if (w.status != LXW_NO_ERROR)
    {
      lxw_workbook_free (w.workbook);
      g_unlink (tmp_path);
      g_set_error (error, RECTIFY_EXPORT_ERROR, RECTIFY_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: %s"), display, lxw_strerror (w.status));
      return FALSE;
    }

  err = workbook_close (w.workbook);
  if (err != LXW_NO_ERROR)
    {
      g_unlink (tmp_path);
      g_set_error (error, RECTIFY_EXPORT_ERROR, RECTIFY_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: %s"), display, lxw_strerror (err));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  /* mkstemp made the file 0600; a plan is an ordinary document. */
  g_chmod (tmp_path, 0644);

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, RECTIFY_EXPORT_ERROR, RECTIFY_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (progress_cb != NULL)
    progress_cb (1.0, user_data);

  return TRUE;
}

/**
 * rectify_export_workbook:
 *
 * Returns: %TRUE when the workbook was written at @path
 */
gboolean
rectify_export_workbook (RectifyRegister        *reg,
                         const char             *path,
                         RectifyAudit           *audit,
                         const char             *today,
                         RectifyExportProgress   progress_cb,
                         gpointer                user_data,
                         GCancellable           *cancellable,
                         GError                **error)
{
  g_autoptr(RectifyExportSnapshot) snap = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rectify_date_parse (today, NULL))
    {
      g_set_error (error, RECTIFY_EXPORT_ERROR, RECTIFY_EXPORT_ERROR_INVALID,
                   _("“%s” is not a date"), today);
      return FALSE;
    }

  snap = rectify_export_snapshot_new (reg, audit, today);

  return rectify_export_snapshot_write (snap, path, progress_cb, user_data, cancellable, error);
}
