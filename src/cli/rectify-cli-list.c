/* rectify-cli-list.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-catalogue.h"
#include "rectify-cli-private.h"
#include "rectify-date.h"
#include "rectify-fishbone.h"

#define WRAP_WIDTH 78

typedef enum
{
  FORMAT_TEXT,
  FORMAT_CSV,
  FORMAT_JSON,
} OutputFormat;

typedef enum
{
  FIELD_ID,
  FIELD_PROPERTY,
  FIELD_AUDIT,
  FIELD_OVERDUE,
} FieldKind;

typedef struct
{
  const char *name;
  FieldKind   kind;
} Field;

/* The columns of "list --format csv|json": every property of an NC (by its property name), the
 * title of its audit and whether it is overdue. */
static const Field nc_fields[] = {
  { "id", FIELD_ID },
  { "ref", FIELD_PROPERTY },
  { "title", FIELD_PROPERTY },
  { "statement", FIELD_PROPERTY },
  { "requirement", FIELD_PROPERTY },
  { "evidence", FIELD_PROPERTY },
  { "area", FIELD_PROPERTY },
  { "source", FIELD_PROPERTY },
  { "audit-id", FIELD_PROPERTY },
  { "audit", FIELD_AUDIT },
  { "occurred-on", FIELD_PROPERTY },
  { "location", FIELD_PROPERTY },
  { "reported-by", FIELD_PROPERTY },
  { "reported-on", FIELD_PROPERTY },
  { "owner", FIELD_PROPERTY },
  { "grade", FIELD_PROPERTY },
  { "correction", FIELD_PROPERTY },
  { "correction-on", FIELD_PROPERTY },
  { "status", FIELD_PROPERTY },
  { "cap-due-on", FIELD_PROPERTY },
  { "due-on", FIELD_PROPERTY },
  { "closed-on", FIELD_PROPERTY },
  { "created-at", FIELD_PROPERTY },
  { "updated-at", FIELD_PROPERTY },
  { "overdue", FIELD_OVERDUE },
};

/* The value of @field as text, or NULL when it has none; @is_string tells JSON whether to
 * quote it. */
static char *
field_value (RectifyRegister      *reg,
             RectifyNonconformity *nc,
             const Field          *field,
             const char           *today,
             gboolean             *is_string)
{
  *is_string = FALSE;

  switch (field->kind)
    {
    case FIELD_ID:
      return g_strdup_printf ("%" G_GINT64_FORMAT, rectify_entity_get_id (RECTIFY_ENTITY (nc)));

    case FIELD_AUDIT:
      {
        RectifyAudit *audit = NULL;
        gint64 audit_id = rectify_nonconformity_get_audit_id (nc);

        if (audit_id != 0)
          audit = rectify_register_lookup_audit (reg, audit_id);
        *is_string = TRUE;
        return audit != NULL ? g_strdup (rectify_audit_get_title (audit)) : NULL;
      }

    case FIELD_OVERDUE:
      return g_strdup (rectify_nonconformity_is_overdue (nc, today) ? "true" : "false");

    case FIELD_PROPERTY:
    default:
      {
        GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (nc), field->name);
        g_auto(GValue) value = G_VALUE_INIT;

        g_assert (pspec != NULL);
        g_value_init (&value, pspec->value_type);
        g_object_get_property (G_OBJECT (nc), field->name, &value);

        if (G_VALUE_HOLDS_STRING (&value))
          {
            *is_string = TRUE;
            return g_value_dup_string (&value);
          }
        if (G_VALUE_HOLDS_ENUM (&value))
          {
            *is_string = TRUE;
            return g_strdup (rectify_enum_to_nick (pspec->value_type, g_value_get_enum (&value)));
          }
        if (G_VALUE_HOLDS_INT64 (&value))
          return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
        if (G_VALUE_HOLDS_INT (&value))
          return g_strdup_printf ("%d", g_value_get_int (&value));
        if (G_VALUE_HOLDS_BOOLEAN (&value))
          return g_strdup (g_value_get_boolean (&value) ? "true" : "false");

        g_assert_not_reached ();
      }
    }
}

static void
append_json (GString         *out,
             RectifyRegister *reg,
             GPtrArray       *ncs,
             const char      *today)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < ncs->len; i++)
    {
      RectifyNonconformity *nc = g_ptr_array_index (ncs, i);

      g_string_append (out, i == 0 ? "\n  {" : ",\n  {");
      for (guint f = 0; f < G_N_ELEMENTS (nc_fields); f++)
        {
          gboolean is_string;
          g_autofree char *value = field_value (reg, nc, &nc_fields[f], today, &is_string);

          g_string_append (out, f == 0 ? "\n    " : ",\n    ");
          _rectify_cli_append_json_string (out, nc_fields[f].name);
          g_string_append (out, ": ");
          if (value == NULL)
            g_string_append (out, "null");
          else if (is_string)
            _rectify_cli_append_json_string (out, value);
          else
            g_string_append (out, value);
        }
      g_string_append (out, "\n  }");
    }
  g_string_append (out, ncs->len > 0 ? "\n]\n" : "]\n");
}

static void
append_csv (GString         *out,
            RectifyRegister *reg,
            GPtrArray       *ncs,
            const char      *today)
{
  for (guint f = 0; f < G_N_ELEMENTS (nc_fields); f++)
    {
      if (f > 0)
        g_string_append_c (out, ',');
      _rectify_cli_append_csv_field (out, nc_fields[f].name);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < ncs->len; i++)
    {
      RectifyNonconformity *nc = g_ptr_array_index (ncs, i);

      for (guint f = 0; f < G_N_ELEMENTS (nc_fields); f++)
        {
          gboolean is_string;
          g_autofree char *value = field_value (reg, nc, &nc_fields[f], today, &is_string);

          if (f > 0)
            g_string_append_c (out, ',');
          _rectify_cli_append_csv_field (out, value);
        }
      g_string_append (out, "\r\n");
    }
}

static char *
due_text (RectifyNonconformity *nc,
          const char           *today)
{
  const char *due_on = rectify_nonconformity_get_due_on (nc);

  if (due_on == NULL)
    return g_strdup ("-");

  if (rectify_nonconformity_is_overdue (nc, today))
    /* Translators: a due date in "rectify-cli list" that has passed */
    return g_strdup_printf (_("%s overdue"), due_on);

  return g_strdup (due_on);
}

static void
append_text (GString    *out,
             GPtrArray  *ncs,
             const char *today)
{
  enum { COL_REF, COL_GRADE, COL_STATUS, COL_DUE, COL_REQUIREMENT, COL_TITLE, N_COLS };
  const char *headers[N_COLS] = {
    /* Translators: column headings of "rectify-cli list" */
    _("REF"), _("GRADE"), _("STATUS"), _("DUE"), _("REQUIREMENT"), _("TITLE"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  guint widths[N_COLS] = { 0 };

  for (guint c = 0; c < N_COLS; c++)
    widths[c] = g_utf8_strlen (headers[c], -1);

  for (guint i = 0; i < ncs->len; i++)
    {
      RectifyNonconformity *nc = g_ptr_array_index (ncs, i);
      const char *requirement = rectify_nonconformity_get_requirement (nc);
      const char *title = rectify_nonconformity_get_title (nc);
      char **row = g_new0 (char *, N_COLS + 1);

      row[COL_REF] = g_strdup (rectify_nonconformity_get_ref (nc));
      row[COL_GRADE] = g_strdup (rectify_enum_to_nick (RECTIFY_TYPE_GRADE,
                                                       rectify_nonconformity_get_grade (nc)));
      row[COL_STATUS] = g_strdup (rectify_enum_to_nick (RECTIFY_TYPE_STATUS,
                                                        rectify_nonconformity_get_status (nc)));
      row[COL_DUE] = due_text (nc, today);
      row[COL_REQUIREMENT] = g_strdup (requirement != NULL && requirement[0] != '\0'
                                       ? requirement : "-");
      row[COL_TITLE] = g_utf8_make_valid (title != NULL ? title : "", -1);
      /* A title is one line. */
      g_strdelimit (row[COL_TITLE], "\r\n\t", ' ');

      for (guint c = 0; c < N_COLS; c++)
        widths[c] = MAX (widths[c], (guint)g_utf8_strlen (row[c] != NULL ? row[c] : "", -1));

      g_ptr_array_add (rows, row);
    }

  for (guint c = 0; c < N_COLS; c++)
    {
      if (c + 1 < N_COLS)
        {
          _rectify_cli_append_padded (out, headers[c], widths[c]);
          g_string_append (out, "  ");
        }
      else
        g_string_append (out, headers[c]);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < N_COLS; c++)
        {
          if (c + 1 < N_COLS)
            {
              _rectify_cli_append_padded (out, row[c], widths[c]);
              g_string_append (out, "  ");
            }
          else
            g_string_append (out, row[c]);
        }
      g_string_append_c (out, '\n');
    }
}

static gboolean
parse_enum_option (GType       type,
                   const char *text,
                   int        *value)
{
  return text == NULL || rectify_enum_from_nick (type, text, value);
}

static char *
enum_nicks (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GString) nicks = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (nicks, ", ");
      g_string_append (nicks, klass->values[i].value_nick);
    }

  return g_string_free (g_steal_pointer (&nicks), FALSE);
}

int
_rectify_cli_run_list (const RectifyCliCommand  *command,
                       char                    **args)
{
  g_auto(GStrv) argv = args;
  g_autofree char *status_text = NULL;
  g_autofree char *grade_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *today = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GPtrArray) ncs = NULL;
  g_autoptr(GString) out = NULL;
  gboolean overdue = FALSE;
  OutputFormat format = FORMAT_TEXT;
  int status = -1;
  int grade = -1;
  GListModel *model;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Only nonconformities with this status (reported, analysis, action-planned, "
         "awaiting-approval, implementation, verification, closed)"), N_("STATUS") },
    { "grade", 0, 0, G_OPTION_ARG_STRING, &grade_text,
      N_("Only nonconformities of this grade (major, minor, observation, ofi)"), N_("GRADE") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("Only nonconformities past their due date"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default), csv or json"), N_("FORMAT") },
    { NULL }
  };

  if (!_rectify_cli_parse_options (command, entries, &argv, 1, 1))
    return RECTIFY_CLI_EXIT_USAGE;

  if (!parse_enum_option (RECTIFY_TYPE_STATUS, status_text, &status))
    {
      g_autofree char *nicks = enum_nicks (RECTIFY_TYPE_STATUS);

      return _rectify_cli_usage_error (command, entries,
                                       /* Translators: %s is what the user typed, then the list of
                                        * valid words */
                                       _("unknown status “%s” (one of: %s)"), status_text, nicks);
    }
  if (!parse_enum_option (RECTIFY_TYPE_GRADE, grade_text, &grade))
    {
      g_autofree char *nicks = enum_nicks (RECTIFY_TYPE_GRADE);

      return _rectify_cli_usage_error (command, entries,
                                       /* Translators: %s is what the user typed, then the list of
                                        * valid words */
                                       _("unknown grade “%s” (one of: %s)"), grade_text, nicks);
    }
  if (format_text == NULL || g_str_equal (format_text, "text"))
    format = FORMAT_TEXT;
  else if (g_str_equal (format_text, "csv"))
    format = FORMAT_CSV;
  else if (g_str_equal (format_text, "json"))
    format = FORMAT_JSON;
  else
    return _rectify_cli_usage_error (command, entries,
                                     /* Translators: %s is what the user typed */
                                     _("unknown format “%s” (one of: text, csv, json)"),
                                     format_text);

  if (!(reg = _rectify_cli_open_register (argv[1])))
    return RECTIFY_CLI_EXIT_BAD_INPUT;

  today = rectify_date_today ();
  model = rectify_register_get_nonconformities (reg);
  ncs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (model, i);

      if (status_text != NULL && (int)rectify_nonconformity_get_status (nc) != status)
        continue;
      if (grade_text != NULL && (int)rectify_nonconformity_get_grade (nc) != grade)
        continue;
      if (overdue && !rectify_nonconformity_is_overdue (nc, today))
        continue;

      g_ptr_array_add (ncs, g_steal_pointer (&nc));
    }

  out = g_string_new (NULL);
  switch (format)
    {
    case FORMAT_CSV:
      append_csv (out, reg, ncs, today);
      break;
    case FORMAT_JSON:
      append_json (out, reg, ncs, today);
      break;
    case FORMAT_TEXT:
    default:
      append_text (out, ncs, today);
      break;
    }

  return _rectify_cli_write (out) ? RECTIFY_CLI_EXIT_OK : RECTIFY_CLI_EXIT_BAD_INPUT;
}

/* show */

static const char *
or_dash (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : "-";
}

typedef struct
{
  const char *label;
  char       *value;
} ShowRow;

static void
show_row_clear (ShowRow *row)
{
  g_free (row->value);
}

static void
add_row (GArray     *rows,
         const char *label,
         char       *value)
{
  ShowRow row = { label, value != NULL ? value : g_strdup ("-") };

  g_array_append_val (rows, row);
}

static void
append_rows (GString *out,
             GArray  *rows,
             guint    indent)
{
  guint width = 0;

  for (guint i = 0; i < rows->len; i++)
    width = MAX (width, (guint)g_utf8_strlen (g_array_index (rows, ShowRow, i).label, -1));

  for (guint i = 0; i < rows->len; i++)
    {
      ShowRow *row = &g_array_index (rows, ShowRow, i);
      g_autofree char *label = g_strdup_printf ("%s:", row->label);

      g_autoptr(GString) wrapped = g_string_new (NULL);
      guint column = indent + width + 2;

      for (guint j = 0; j < indent; j++)
        g_string_append_c (out, ' ');
      _rectify_cli_append_padded (out, label, width + 2);
      /* Long values continue under the first line of the value. */
      _rectify_cli_append_wrapped (wrapped, row->value, column, MAX (WRAP_WIDTH, column + 30));
      g_string_append (out, wrapped->str + column);
    }
}

static void
append_section (GString    *out,
                const char *heading)
{
  g_string_append_printf (out, "\n%s\n", heading);
}

static char *
date_with_days (const char *date,
                const char *today,
                gboolean    open)
{
  int days;

  if (date == NULL)
    return NULL;

  if (!open || !rectify_date_days_between (today, date, &days))
    return g_strdup (date);

  if (days < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s (overdue by %d day)",
                                         "%s (overdue by %d days)", -days),
                            date, -days);
  if (days == 0)
    /* Translators: a due date that is today */
    return g_strdup_printf (_("%s (today)"), date);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%d day left)",
                                       "%s (%d days left)", days),
                          date, days);
}

static void
append_causes (GString    *out,
               GListModel *causes,
               gint64      parent_id,
               guint       depth)
{
  /* Causes form a tree through "parent-id"; the depth limit guards against a damaged file
   * with a loop. */
  if (depth > 32)
    return;

  for (guint i = 0, n = g_list_model_get_n_items (causes); i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);
      g_autoptr(GString) line = NULL;
      const char *category;

      if (rectify_cause_get_parent_id (cause) != parent_id)
        continue;

      line = g_string_new (NULL);
      category = rectify_cause_get_category (cause);
      /* The default bones are stored in English: show their translated names. */
      g_string_append_printf (line, "[%s] %s",
                              or_dash (category != NULL && *category != '\0'
                                         ? rectify_fishbone_category_label (category) : NULL),
                              or_dash (rectify_cause_get_text (cause)));
      if (rectify_cause_get_is_root (cause))
        /* Translators: marks a root cause in "rectify-cli show" */
        g_string_append_printf (line, " %s", _("(root cause)"));

      for (guint d = 0; d < depth; d++)
        g_string_append (out, "   ");
      g_string_append (out, depth == 0 ? "  - " : "  ↳ ");
      g_string_append (out, line->str);
      g_string_append_c (out, '\n');

      append_causes (out, causes, rectify_entity_get_id (RECTIFY_ENTITY (cause)), depth + 1);
    }
}

static void
append_actions (GString    *out,
                GListModel *actions,
                const char *today)
{
  guint n = g_list_model_get_n_items (actions);

  if (n == 0)
    {
      g_string_append_printf (out, "  %s\n", _("None"));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);
      g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (ShowRow));
      RectifyActionStatus status = rectify_action_get_status (action);
      gboolean open = status != RECTIFY_ACTION_STATUS_DONE &&
                      status != RECTIFY_ACTION_STATUS_CANCELLED;

      g_array_set_clear_func (rows, (GDestroyNotify)show_row_clear);

      g_string_append_printf (out, "  %s  %s\n", or_dash (rectify_action_get_ref (action)),
                              or_dash (rectify_action_get_title (action)));
      add_row (rows, _("Status"),
               g_strdup (rectify_enum_to_label (RECTIFY_TYPE_ACTION_STATUS, status)));
      add_row (rows, _("Owner"), g_strdup (rectify_action_get_owner (action)));
      add_row (rows, _("Target"),
               date_with_days (rectify_action_get_target_on (action), today, open));
      add_row (rows, _("Done on"), g_strdup (rectify_action_get_done_on (action)));
      add_row (rows, _("Resources"), g_strdup (rectify_action_get_resources (action)));
      add_row (rows, _("Success criterion"),
               g_strdup (rectify_action_get_success_criterion (action)));
      add_row (rows, _("Description"), g_strdup (rectify_action_get_description (action)));
      append_rows (out, rows, 4);
    }
}

/* One line per decision on the plan, oldest first, its comment below it. The resubmit-by date of
 * the certification body's latest decision (the one still awaited) says how many days are left,
 * or how late it is. */
static void
append_approvals (GString    *out,
                  GPtrArray  *approvals,
                  const char *today,
                  gboolean    open)
{
  guint last_cb = G_MAXUINT;

  if (approvals->len == 0)
    {
      g_string_append_printf (out, "  %s\n", _("None"));
      return;
    }

  for (guint i = 0; i < approvals->len; i++)
    if (g_strcmp0 (((RectifyApproval *)g_ptr_array_index (approvals, i))->role,
                   "certification-body") == 0)
      last_cb = i;

  for (guint i = 0; i < approvals->len; i++)
    {
      RectifyApproval *a = g_ptr_array_index (approvals, i);
      gboolean cb = g_strcmp0 (a->role, "certification-body") == 0;
      const char *role = cb ? _("Certification body")
                         : g_strcmp0 (a->role, "management") == 0 ? _("Management")
                         : _("Process owner");
      const char *decision = cb ? (a->approved ? _("Accepted") : _("Not accepted"))
                                : (a->approved ? _("Approved") : _("Not approved"));

      g_string_append (out, "  - ");
      /* Translators: a decision on the plan in "rectify-cli show": who decides ("Management"),
       * the decision ("Approved"), the name of who decided, the date */
      g_string_append_printf (out, _("%s: %s; by %s; on %s"), role, decision,
                              or_dash (a->approver), or_dash (a->decided_on));
      if (a->resubmit_by != NULL)
        {
          g_autofree char *date = date_with_days (a->resubmit_by, today,
                                                  open && i == last_cb);

          g_string_append (out, "; ");
          /* Translators: after a decision of the certification body in "rectify-cli show"; %s
           * is a date, maybe followed by the days left ("2026-07-15 (3 days left)") */
          g_string_append_printf (out, _("resubmit by %s"), date);
        }
      g_string_append_c (out, '\n');
      if (a->comment != NULL && a->comment[0] != '\0')
        _rectify_cli_append_wrapped (out, a->comment, 4, WRAP_WIDTH);
    }
}

static void
append_verifications (GString    *out,
                      GListModel *checks)
{
  guint n = g_list_model_get_n_items (checks);

  if (n == 0)
    {
      g_string_append_printf (out, "  %s\n", _("None"));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyVerification) check = g_list_model_get_item (checks, i);
      const char *comment = rectify_verification_get_comment (check);

      g_string_append_printf (out, "  - %s: %s; %s %s; %s %s; %s %s\n",
                              rectify_enum_to_label (RECTIFY_TYPE_VERIFICATION_RESULT,
                                                     rectify_verification_get_result (check)),
                              rectify_enum_to_label (RECTIFY_TYPE_VERIFICATION_METHOD,
                                                     rectify_verification_get_method (check)),
                              /* Translators: "verifier NAME" in a verification line */
                              _("verifier"), or_dash (rectify_verification_get_verifier (check)),
                              /* Translators: "due DATE" in a verification line */
                              _("due"), or_dash (rectify_verification_get_due_on (check)),
                              /* Translators: "verified DATE" in a verification line */
                              _("verified"),
                              or_dash (rectify_verification_get_verified_on (check)));
      if (comment != NULL && comment[0] != '\0')
        _rectify_cli_append_wrapped (out, comment, 4, WRAP_WIDTH);
    }
}

static void
append_history (GString   *out,
                GPtrArray *history)
{
  if (history->len == 0)
    {
      g_string_append_printf (out, "  %s\n", _("None"));
      return;
    }

  for (guint i = 0; i < history->len; i++)
    {
      RectifyHistoryEntry *entry = g_ptr_array_index (history, i);

      g_string_append_printf (out, "  %s  %s  ", or_dash (entry->at), or_dash (entry->who));
      if (entry->field == NULL)
        /* Translators: a history line of a record that was added or removed */
        g_string_append (out, entry->old_value == NULL ? _("created") : _("removed"));
      else if (g_strcmp0 (entry->field, "reopened") == 0)
        /* Translators: a history line; the %s are statuses ("closed", "analysis") */
        g_string_append_printf (out, _("REOPENED: %s → %s"), or_dash (entry->old_value),
                                or_dash (entry->new_value));
      else
        {
          g_autofree char *old_value = g_utf8_make_valid (or_dash (entry->old_value), -1);
          g_autofree char *new_value = g_utf8_make_valid (or_dash (entry->new_value), -1);

          g_strdelimit (old_value, "\r\n", ' ');
          g_strdelimit (new_value, "\r\n", ' ');
          if (g_utf8_strlen (old_value, -1) > 60)
            *g_utf8_offset_to_pointer (old_value, 59) = '\0';
          if (g_utf8_strlen (new_value, -1) > 60)
            *g_utf8_offset_to_pointer (new_value, 59) = '\0';
          g_string_append_printf (out, "%s: %s → %s", entry->field, old_value, new_value);
        }
      g_string_append_c (out, '\n');
    }
}

int
_rectify_cli_run_show (const RectifyCliCommand  *command,
                       char                    **args)
{
  g_auto(GStrv) argv = args;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GListModel) causes = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GListModel) checks = NULL;
  g_autoptr(GPtrArray) approvals = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  RectifyNonconformity *nc;
  RectifyAudit *audit = NULL;
  RectifyCatalogueEntry *entry = NULL;
  const char *requirement;
  gboolean open;

  if (!_rectify_cli_parse_options (command, NULL, &argv, 2, 2))
    return RECTIFY_CLI_EXIT_USAGE;

  if (!(reg = _rectify_cli_open_register (argv[1])))
    return RECTIFY_CLI_EXIT_BAD_INPUT;

  nc = _rectify_cli_find_nonconformity (reg, argv[2]);
  if (nc == NULL)
    {
      g_autofree char *display = g_filename_display_name (argv[1]);

      /* Translators: the first %s is a reference like NC-001, the second a file name */
      _rectify_cli_print_error (_("no nonconformity “%s” in %s"), argv[2], display);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  history = rectify_register_list_history (reg, RECTIFY_ENTITY (nc), &error);
  if (history == NULL)
    {
      g_autofree char *display = g_filename_display_name (argv[1]);

      _rectify_cli_print_error (_("%s: %s"), display, error->message);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  today = rectify_date_today ();
  open = rectify_nonconformity_get_status (nc) != RECTIFY_STATUS_CLOSED;
  requirement = rectify_nonconformity_get_requirement (nc);
  if (requirement != NULL && requirement[0] != '\0')
    entry = rectify_catalogue_lookup (requirement);
  if (rectify_nonconformity_get_audit_id (nc) != 0)
    audit = rectify_register_lookup_audit (reg, rectify_nonconformity_get_audit_id (nc));

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s  %s\n\n", or_dash (rectify_nonconformity_get_ref (nc)),
                          or_dash (rectify_nonconformity_get_title (nc)));

  rows = g_array_new (FALSE, TRUE, sizeof (ShowRow));
  g_array_set_clear_func (rows, (GDestroyNotify)show_row_clear);
  add_row (rows, _("Grade"),
           g_strdup (rectify_enum_to_label (RECTIFY_TYPE_GRADE,
                                            rectify_nonconformity_get_grade (nc))));
  add_row (rows, _("Status"),
           g_strdup (rectify_enum_to_label (RECTIFY_TYPE_STATUS,
                                            rectify_nonconformity_get_status (nc))));
  add_row (rows, _("Requirement"),
           entry != NULL ? g_strdup (rectify_catalogue_entry_get_label (entry))
                         : g_strdup (requirement));
  add_row (rows, _("Source"),
           g_strdup (rectify_enum_to_label (RECTIFY_TYPE_SOURCE,
                                            rectify_nonconformity_get_source (nc))));
  add_row (rows, _("Audit"), audit != NULL ? g_strdup (rectify_audit_get_title (audit)) : NULL);
  add_row (rows, _("Area"), g_strdup (rectify_nonconformity_get_area (nc)));
  add_row (rows, _("Location"), g_strdup (rectify_nonconformity_get_location (nc)));
  add_row (rows, _("Occurred on"), g_strdup (rectify_nonconformity_get_occurred_on (nc)));
  add_row (rows, _("Reported by"), g_strdup (rectify_nonconformity_get_reported_by (nc)));
  add_row (rows, _("Reported on"), g_strdup (rectify_nonconformity_get_reported_on (nc)));
  add_row (rows, _("Owner"), g_strdup (rectify_nonconformity_get_owner (nc)));
  add_row (rows, _("CAP due on"),
           date_with_days (rectify_nonconformity_get_cap_due_on (nc), today,
                           open && rectify_nonconformity_get_status (nc) < RECTIFY_STATUS_AWAITING_APPROVAL));
  add_row (rows, _("Due on"), date_with_days (rectify_nonconformity_get_due_on (nc), today, open));
  add_row (rows, _("Closed on"), g_strdup (rectify_nonconformity_get_closed_on (nc)));
  add_row (rows, _("Closed by"), g_strdup (rectify_nonconformity_get_closed_by (nc)));
  add_row (rows, _("Created"), g_strdup (rectify_nonconformity_get_created_at (nc)));
  add_row (rows, _("Updated"), g_strdup (rectify_nonconformity_get_updated_at (nc)));
  append_rows (out, rows, 2);

  append_section (out, _("Statement"));
  _rectify_cli_append_wrapped (out, rectify_nonconformity_get_statement (nc), 2, WRAP_WIDTH);
  append_section (out, _("Objective evidence"));
  _rectify_cli_append_wrapped (out, rectify_nonconformity_get_evidence (nc), 2, WRAP_WIDTH);

  if (rectify_nonconformity_get_correction_on (nc) != NULL)
    {
      /* Translators: a heading with the date of the correction */
      g_autofree char *heading = g_strdup_printf (_("Correction (%s)"),
                                                  rectify_nonconformity_get_correction_on (nc));
      append_section (out, heading);
    }
  else
    append_section (out, _("Correction"));
  _rectify_cli_append_wrapped (out, rectify_nonconformity_get_correction (nc), 2, WRAP_WIDTH);
  if (rectify_nonconformity_get_correction_by (nc) != NULL)
    /* Translators: who made the immediate correction */
    g_string_append_printf (out, "  %s %s\n", _("By:"),
                            rectify_nonconformity_get_correction_by (nc));
  if (rectify_nonconformity_get_correction_not_needed (nc))
    {
      /* Translators: no immediate correction is needed; the reason follows */
      g_string_append_printf (out, "  %s\n", _("None needed:"));
      _rectify_cli_append_wrapped (out, rectify_nonconformity_get_correction_reason (nc), 4,
                                   WRAP_WIDTH);
    }

  if (audit != NULL)
    {
      g_autoptr(GArray) audit_rows = g_array_new (FALSE, TRUE, sizeof (ShowRow));

      g_array_set_clear_func (audit_rows, (GDestroyNotify)show_row_clear);
      append_section (out, _("Audit"));
      add_row (audit_rows, _("Title"), g_strdup (rectify_audit_get_title (audit)));
      add_row (audit_rows, _("Kind"),
               g_strdup (rectify_enum_to_label (RECTIFY_TYPE_AUDIT_KIND,
                                                rectify_audit_get_kind (audit))));
      add_row (audit_rows, _("Dates"),
               g_strdup_printf ("%s – %s", or_dash (rectify_audit_get_starts_on (audit)),
                                or_dash (rectify_audit_get_ends_on (audit))));
      add_row (audit_rows, _("Lead auditor"), g_strdup (rectify_audit_get_lead_auditor (audit)));
      add_row (audit_rows, _("Certification body"),
               g_strdup (rectify_audit_get_certification_body (audit)));
      append_rows (out, audit_rows, 2);
    }

  causes = rectify_register_list_causes (reg, nc);
  append_section (out, _("Causes"));
  if (g_list_model_get_n_items (causes) == 0)
    g_string_append_printf (out, "  %s\n", _("None"));
  else
    append_causes (out, causes, 0, 0);

  actions = rectify_register_list_actions_for (reg, nc);
  append_section (out, _("Corrective actions"));
  append_actions (out, actions, today);

  approvals = rectify_register_list_approvals (reg, nc);
  append_section (out, _("Approvals"));
  append_approvals (out, approvals, today, open);

  checks = rectify_register_list_verifications (reg, nc);
  append_section (out, _("Verifications"));
  append_verifications (out, checks);

  append_section (out, _("History"));
  append_history (out, history);

  return _rectify_cli_write (out) ? RECTIFY_CLI_EXIT_OK : RECTIFY_CLI_EXIT_BAD_INPUT;
}
