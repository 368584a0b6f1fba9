/* rectify-import.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-import"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "rectify-catalogue.h"
#include "rectify-date.h"
#include "rectify-import.h"

#define TITLE_MAX_CHARS 80
#define MAX_REF_SUFFIX 1000

typedef enum
{
  COL_IGNORED = -1,
  COL_REFERENCE,
  COL_STATEMENT,
  COL_REQUIREMENT,
  COL_GRADE,
  COL_EVIDENCE,
  COL_AREA,
  COL_AUDITOR,
  COL_DATE,
  N_COLS
} ColumnKind;

/* Header names, compared after normalise_name(). */
static const char * const column_names[N_COLS][9] = {
  [COL_REFERENCE] = { "ref", "reference", "nc no", "ncr no", "car no", "finding no",
                      "finding number", "finding id", NULL },
  [COL_STATEMENT] = { "statement", "nc statement", "nonconformity", "finding",
                      "finding description", "description", NULL },
  [COL_REQUIREMENT] = { "clause", "control", "requirement", "clause/control", "standard clause",
                        NULL },
  [COL_GRADE] = { "grade", "category", "classification", "severity", "type", NULL },
  [COL_EVIDENCE] = { "evidence", "objective evidence", NULL },
  [COL_AREA] = { "area", "process", "department", "site", "location", NULL },
  [COL_AUDITOR] = { "auditor", "raised by", "reported by", NULL },
  [COL_DATE] = { "date", "date raised", "identified on", NULL },
};

static const struct
{
  const char   *name;
  RectifyGrade  grade;
} grade_names[] = {
  { "major", RECTIFY_GRADE_MAJOR },
  { "major nc", RECTIFY_GRADE_MAJOR },
  { "minor", RECTIFY_GRADE_MINOR },
  { "minor nc", RECTIFY_GRADE_MINOR },
  { "observation", RECTIFY_GRADE_OBSERVATION },
  { "obs", RECTIFY_GRADE_OBSERVATION },
  { "ofi", RECTIFY_GRADE_OFI },
  { "opportunity for improvement", RECTIFY_GRADE_OFI },
};

typedef struct
{
  guint      line;
  GPtrArray *fields;   /* utf8 */
} Record;

typedef struct
{
  GPtrArray *records;  /* Record */
  GPtrArray *fields;   /* of the record being read */
  guint      record_line;
} ParseState;

G_DEFINE_QUARK (rectify-import-error-quark, rectify_import_error)

static void
record_free (gpointer data)
{
  Record *record = data;

  g_ptr_array_unref (record->fields);
  g_free (record);
}

static void
row_free (gpointer data)
{
  RectifyImportRow *row = data;

  g_free (row->reference);
  g_free (row->statement);
  g_free (row->requirement);
  g_free (row->evidence);
  g_free (row->area);
  g_free (row->auditor);
  g_free (row->date);
  g_free (row);
}

static void
problem_free (gpointer data)
{
  RectifyImportProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

static void add_problem (RectifyImportResult *result,
                         guint                line,
                         const char          *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (RectifyImportResult *result,
             guint                line,
             const char          *format,
             ...)
{
  RectifyImportProblem *problem = g_new0 (RectifyImportProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = line;
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (result->problems, problem);
}

/* Lower case, no white space, no trailing full stop: "NC No." -> "ncno". */
static char *
normalise_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  while (out->len > 0 && out->str[out->len - 1] == '.')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static ColumnKind
column_kind (const char *header)
{
  g_autofree char *name = normalise_name (header);

  for (guint kind = 0; kind < N_COLS; kind++)
    for (guint i = 0; column_names[kind][i] != NULL; i++)
      {
        g_autofree char *candidate = normalise_name (column_names[kind][i]);

        if (g_str_equal (name, candidate))
          return kind;
      }

  return COL_IGNORED;
}

static gboolean
parse_grade (const char   *text,
             RectifyGrade *grade)
{
  g_autofree char *name = normalise_name (text);

  for (guint i = 0; i < G_N_ELEMENTS (grade_names); i++)
    {
      g_autofree char *candidate = normalise_name (grade_names[i].name);

      if (g_str_equal (name, candidate))
        {
          *grade = grade_names[i].grade;
          return TRUE;
        }
    }

  return FALSE;
}

/* The delimiter of the header line: the most frequent of ',', ';' and tab outside quotes. */
static char
detect_delimiter (const char *data,
                  gsize       length)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semicolons++;
      else if (!quoted && c == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';

  return ',';
}

static void
field_cb (void   *s,
          size_t  len,
          void   *data)
{
  ParseState *state = data;

  g_ptr_array_add (state->fields, g_strndup (s != NULL ? s : "", len));
}

static void
record_cb (int   c,
           void *data)
{
  ParseState *state = data;
  Record *record = g_new0 (Record, 1);

  record->line = state->record_line;
  record->fields = g_steal_pointer (&state->fields);
  g_ptr_array_add (state->records, record);
  state->fields = g_ptr_array_new_with_free_func (g_free);
}

/* Tracks whether a line ends inside a quoted field, the way RFC 4180 quotes work: a quote opens
 * only at the start of a field, and "" inside quotes is a literal quote. */
typedef enum
{
  Q_FIELD_START,
  Q_UNQUOTED,
  Q_QUOTED,
  Q_QUOTE_IN_QUOTED,
} QuoteState;

static QuoteState
advance_quotes (QuoteState  state,
                const char *p,
                gsize       len,
                char        delimiter)
{
  for (gsize i = 0; i < len; i++)
    {
      char c = p[i];

      switch (state)
        {
        case Q_FIELD_START:
          if (c == '"')
            state = Q_QUOTED;
          else if (c == ' ' || c == '\t' || c == delimiter || c == '\n' || c == '\r')
            state = Q_FIELD_START;
          else
            state = Q_UNQUOTED;
          break;
        case Q_UNQUOTED:
          if (c == delimiter || c == '\n' || c == '\r')
            state = Q_FIELD_START;
          break;
        case Q_QUOTED:
          if (c == '"')
            state = Q_QUOTE_IN_QUOTED;
          break;
        case Q_QUOTE_IN_QUOTED:
          if (c == '"')
            state = Q_QUOTED;
          else if (c == delimiter || c == '\n' || c == '\r')
            state = Q_FIELD_START;
          else
            state = Q_UNQUOTED;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return state;
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

static char *
field_of (Record *record,
          int     column)
{
  const char *value;

  if (column < 0 || (guint)column >= record->fields->len)
    return NULL;

  value = g_ptr_array_index (record->fields, column);
  if (value == NULL)
    return NULL;

  return g_strstrip (g_strdup (value));
}

static gboolean
is_empty (const char *value)
{
  return value == NULL || *value == '\0';
}

static gboolean
record_is_blank (Record *record)
{
  for (guint i = 0; i < record->fields->len; i++)
    {
      g_autofree char *value = field_of (record, i);

      if (!is_empty (value))
        return FALSE;
    }

  return TRUE;
}

static void
take_if_set (char **dest,
             char  *value)
{
  if (is_empty (value))
    g_free (value);
  else
    *dest = value;
}

static void
check_records (RectifyImportResult *result,
               GPtrArray           *records)
{
  Record *header = g_ptr_array_index (records, 0);
  int columns[N_COLS];
  g_autoptr(GHashTable) seen_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint kind = 0; kind < N_COLS; kind++)
    columns[kind] = -1;

  for (guint i = 0; i < header->fields->len; i++)
    {
      g_autofree char *name = field_of (header, i);
      ColumnKind kind;

      if (is_empty (name))
        continue;

      kind = column_kind (name);
      if (kind == COL_IGNORED || columns[kind] >= 0)
        g_ptr_array_add (result->ignored_columns, g_steal_pointer (&name));
      else
        columns[kind] = i;
    }

  if (columns[COL_STATEMENT] < 0)
    {
      add_problem (result, header->line,
                   _("no statement column: name one “Statement”, “NC statement”, "
                     "“Nonconformity”, “Finding”, “Finding description” or “Description”"));
      return;
    }

  if (records->len < 2)
    {
      add_problem (result, 0, _("the file has no findings below its header"));
      return;
    }

  for (guint r = 1; r < records->len; r++)
    {
      Record *record = g_ptr_array_index (records, r);
      RectifyImportRow *row;
      guint n_problems = result->problems->len;
      g_autofree char *grade = NULL;
      g_autofree char *requirement = NULL;
      g_autofree char *date = NULL;

      if (record_is_blank (record))
        continue;

      row = g_new0 (RectifyImportRow, 1);
      row->line = record->line;
      row->grade = RECTIFY_GRADE_MINOR;
      take_if_set (&row->reference, field_of (record, columns[COL_REFERENCE]));
      take_if_set (&row->statement, field_of (record, columns[COL_STATEMENT]));
      take_if_set (&row->evidence, field_of (record, columns[COL_EVIDENCE]));
      take_if_set (&row->area, field_of (record, columns[COL_AREA]));
      take_if_set (&row->auditor, field_of (record, columns[COL_AUDITOR]));
      grade = field_of (record, columns[COL_GRADE]);
      requirement = field_of (record, columns[COL_REQUIREMENT]);
      date = field_of (record, columns[COL_DATE]);

      if (row->statement == NULL)
        add_problem (result, row->line, _("the statement is empty"));

      if (!is_empty (grade))
        {
          if (parse_grade (grade, &row->grade))
            row->has_grade = TRUE;
          else
            add_problem (result, row->line,
                         /* Translators: %s is the grade found in the file */
                         _("unknown grade “%s” (use Major, Minor, Observation or OFI)"), grade);
        }

      if (!is_empty (requirement))
        {
          RectifyCatalogueEntry *entry = rectify_catalogue_lookup (requirement);

          if (entry != NULL)
            row->requirement = g_strdup (rectify_catalogue_entry_get_ref (entry));
          else
            add_problem (result, row->line,
                         /* Translators: %s is the clause or control found in the file */
                         _("unknown requirement “%s”: not a clause or Annex A control of "
                           "ISO/IEC 27001:2022"), requirement);
        }

      if (!is_empty (date))
        {
          row->date = rectify_date_normalize (date);
          if (row->date == NULL)
            add_problem (result, row->line,
                         /* Translators: %s is the date found in the file */
                         _("“%s” is not a date (write 2026-03-04 or 04/03/2026)"), date);
        }

      if (row->reference != NULL)
        {
          gpointer other;

          if (g_hash_table_lookup_extended (seen_refs, row->reference, NULL, &other))
            add_problem (result, row->line,
                         /* Translators: %s is a finding's reference, %u a line number */
                         _("the reference “%s” is used on line %u too"),
                         row->reference, GPOINTER_TO_UINT (other));
          else
            g_hash_table_insert (seen_refs, g_strdup (row->reference),
                                 GUINT_TO_POINTER (row->line));
        }

      if (result->problems->len > n_problems)
        row_free (row);
      else
        g_ptr_array_add (result->rows, row);
    }

  if (result->problems->len == 0 && result->rows->len == 0)
    add_problem (result, 0, _("the file has no findings below its header"));
}

/**
 * rectify_import_parse:
 * @data: the bytes of the file
 * @length: their number
 *
 * Returns: (transfer full): the findings, or the problems of the file
 */
RectifyImportResult *
rectify_import_parse (const char *data,
                      gsize       length)
{
  RectifyImportResult *result = g_new0 (RectifyImportResult, 1);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  ParseState state = { records, g_ptr_array_new_with_free_func (g_free), 1 };
  struct csv_parser parser;
  const char *invalid = NULL;
  QuoteState quotes = Q_FIELD_START;
  guint line = 1;
  gsize pos = 0;
  gboolean ok = TRUE;

  result->rows = g_ptr_array_new_with_free_func (row_free);
  result->problems = g_ptr_array_new_with_free_func (problem_free);
  result->ignored_columns = g_ptr_array_new_with_free_func (g_free);
  result->delimiter = ',';

  if (data == NULL)
    length = 0;

  /* A UTF-8 byte order mark is allowed, and dropped. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate (data, length, &invalid))
    {
      add_problem (result, line_of_offset (data, invalid - data),
                   _("the file is not UTF-8 text (save it as “CSV UTF-8”)"));
      g_ptr_array_unref (state.fields);
      return result;
    }

  result->delimiter = detect_delimiter (data, length);

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    g_error ("Could not initialise libcsv");
  csv_set_delim (&parser, result->delimiter);

  /* Feed the parser one line at a time, so each record knows the line it starts on. */
  while (pos < length)
    {
      const char *nl = memchr (data + pos, '\n', length - pos);
      gsize len = nl != NULL ? (gsize)(nl - (data + pos)) + 1 : length - pos;

      if (quotes == Q_FIELD_START && state.fields->len == 0)
        state.record_line = line;

      if (csv_parse (&parser, data + pos, len, field_cb, record_cb, &state) != len)
        {
          add_problem (result, line,
                       /* Translators: %s is the parser's description of the problem */
                       _("malformed quoting (%s): a quote inside a field must be doubled, and "
                         "a quoted field must end with a quote"),
                       csv_strerror (csv_error (&parser)));
          ok = FALSE;
          break;
        }

      quotes = advance_quotes (quotes, data + pos, len, result->delimiter);
      pos += len;
      line++;
    }

  if (ok && csv_fini (&parser, field_cb, record_cb, &state) != 0)
    {
      add_problem (result, state.record_line,
                   _("a quoted field that starts on this line is never closed"));
      ok = FALSE;
    }
  csv_free (&parser);
  g_ptr_array_unref (state.fields);

  if (!ok)
    return result;

  /* Drop blank records before the header. */
  while (records->len > 0 && record_is_blank (g_ptr_array_index (records, 0)))
    g_ptr_array_remove_index (records, 0);

  if (records->len == 0)
    {
      add_problem (result, 0, _("the file is empty"));
      return result;
    }

  check_records (result, records);

  return result;
}

void
rectify_import_result_free (RectifyImportResult *result)
{
  if (result == NULL)
    return;

  g_ptr_array_unref (result->rows);
  g_ptr_array_unref (result->problems);
  g_ptr_array_unref (result->ignored_columns);
  g_free (result);
}

gboolean
rectify_import_result_is_ok (RectifyImportResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);

  return result->problems->len == 0;
}

void
rectify_import_summary_clear (RectifyImportSummary *summary)
{
  g_clear_pointer (&summary->created_refs, g_ptr_array_unref);
  summary->n_created = 0;
  summary->n_existing = 0;
  summary->audit_created = FALSE;
}

/* A short title from the statement: its first line, cut at a word near TITLE_MAX_CHARS. */
static char *
title_from_statement (const char *statement)
{
  g_autofree char *first = NULL;
  const char *end = strpbrk (statement, "\r\n");
  glong n_chars;

  first = end != NULL ? g_strndup (statement, end - statement) : g_strdup (statement);
  g_strstrip (first);
  n_chars = g_utf8_strlen (first, -1);
  if (n_chars <= TITLE_MAX_CHARS)
    return g_steal_pointer (&first);

  {
    char *cut = g_utf8_offset_to_pointer (first, TITLE_MAX_CHARS - 1);
    char *space = cut;

    while (space > first && *space != ' ')
      space--;
    if (space > first + TITLE_MAX_CHARS / 2)
      cut = space;
    *cut = '\0';
    g_strchomp (first);

    return g_strconcat (first, "…", NULL);
  }
}

static gboolean
is_cb_audit (RectifyAuditKind kind)
{
  switch (kind)
    {
    case RECTIFY_AUDIT_KIND_STAGE1:
    case RECTIFY_AUDIT_KIND_STAGE2:
    case RECTIFY_AUDIT_KIND_SURVEILLANCE:
    case RECTIFY_AUDIT_KIND_RECERTIFICATION:
      return TRUE;
    case RECTIFY_AUDIT_KIND_INTERNAL:
    case RECTIFY_AUDIT_KIND_SUPPLIER:
    default:
      return FALSE;
    }
}

/* An NC of the register that an earlier import of @row into the audit @audit_id made. */
static gboolean
already_imported (RectifyRegister  *reg,
                  RectifyImportRow *row,
                  gint64            audit_id)
{
  GListModel *ncs;
  guint n;

  if (row->reference != NULL)
    {
      for (guint i = 1; i <= MAX_REF_SUFFIX; i++)
        {
          g_autofree char *ref = i == 1 ? g_strdup (row->reference)
                                        : g_strdup_printf ("%s-%u", row->reference, i);
          RectifyNonconformity *nc = rectify_register_find_nonconformity (reg, ref);

          if (nc == NULL)
            return FALSE;
          if (rectify_nonconformity_get_audit_id (nc) == audit_id)
            return TRUE;
        }
      return FALSE;
    }

  ncs = rectify_register_get_nonconformities (reg);
  n = g_list_model_get_n_items (ncs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

      if (rectify_nonconformity_get_audit_id (nc) == audit_id &&
          g_strcmp0 (rectify_nonconformity_get_statement (nc), row->statement) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The ref a new NC for @row gets: the finding's reference when free, else REF-2, REF-3, ...;
 * NULL lets the register number it. */
static char *
free_ref_for (RectifyRegister *reg,
              const char      *reference,
              GHashTable      *planned)
{
  if (reference == NULL)
    return NULL;

  for (guint i = 1; i <= MAX_REF_SUFFIX; i++)
    {
      g_autofree char *ref = i == 1 ? g_strdup (reference)
                                    : g_strdup_printf ("%s-%u", reference, i);

      if (rectify_register_find_nonconformity (reg, ref) == NULL &&
          !g_hash_table_contains (planned, ref))
        return g_steal_pointer (&ref);
    }

  return NULL;
}

/**
 * rectify_import_apply:
 *
 * Returns: %TRUE when every finding was imported (or, with @dry_run, could be)
 */
gboolean
rectify_import_apply (RectifyRegister       *reg,
                      RectifyImportResult   *result,
                      const char            *audit_title,
                      gboolean               dry_run,
                      RectifyImportSummary  *summary,
                      GError               **error)
{
  g_autoptr(GHashTable) planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  RectifyAudit *audit = NULL;
  RectifySource source = RECTIFY_SOURCE_INTERNAL_AUDIT;
  gint64 audit_id = 0;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  summary->created_refs = g_ptr_array_new_with_free_func (g_free);

  if (!rectify_import_result_is_ok (result))
    {
      g_set_error (error, RECTIFY_IMPORT_ERROR, RECTIFY_IMPORT_ERROR_BAD_FILE,
                   _("the file has problems; nothing was imported"));
      return FALSE;
    }

  if (audit_title != NULL)
    {
      audit = rectify_register_find_audit (reg, audit_title);
      if (audit != NULL)
        {
          audit_id = rectify_entity_get_id (RECTIFY_ENTITY (audit));
          if (is_cb_audit (rectify_audit_get_kind (audit)))
            source = RECTIFY_SOURCE_EXTERNAL_AUDIT;
        }
      else
        summary->audit_created = TRUE;
    }

  if (!dry_run && !rectify_register_begin (reg, error))
    return FALSE;

  if (audit_title != NULL && audit == NULL && !dry_run)
    {
      g_autoptr(RectifyAudit) new_audit = rectify_audit_new ();

      g_object_set (new_audit,
                    "title", audit_title,
                    "kind", RECTIFY_AUDIT_KIND_INTERNAL,
                    NULL);
      if (!rectify_register_add (reg, RECTIFY_ENTITY (new_audit), error))
        goto failed;
      audit_id = rectify_entity_get_id (RECTIFY_ENTITY (new_audit));
    }

  for (guint i = 0; i < result->rows->len; i++)
    {
      RectifyImportRow *row = g_ptr_array_index (result->rows, i);
      g_autoptr(RectifyNonconformity) nc = NULL;
      g_autofree char *ref = NULL;
      g_autofree char *title = NULL;

      /* A new audit has no NCs yet. */
      if ((audit != NULL || audit_title == NULL) && already_imported (reg, row, audit_id))
        {
          summary->n_existing++;
          continue;
        }

      ref = free_ref_for (reg, row->reference, planned);
      title = title_from_statement (row->statement);
      summary->n_created++;

      if (dry_run)
        {
          if (ref != NULL)
            g_hash_table_add (planned, g_strdup (ref));
          g_ptr_array_add (summary->created_refs,
                           g_strdup (ref != NULL ? ref : row->reference != NULL ? row->reference
                                                                                : title));
          continue;
        }

      nc = rectify_nonconformity_new ();
      g_object_set (nc,
                    "title", title,
                    "statement", row->statement,
                    "grade", row->grade,
                    "source", source,
                    "audit-id", audit_id,
                    NULL);
      if (ref != NULL)
        g_object_set (nc, "ref", ref, NULL);
      if (row->requirement != NULL)
        g_object_set (nc, "requirement", row->requirement, NULL);
      if (row->evidence != NULL)
        g_object_set (nc, "evidence", row->evidence, NULL);
      if (row->area != NULL)
        g_object_set (nc, "area", row->area, NULL);
      if (row->auditor != NULL)
        g_object_set (nc, "reported-by", row->auditor, NULL);
      if (row->date != NULL)
        g_object_set (nc, "reported-on", row->date, NULL);

      if (!rectify_register_add (reg, RECTIFY_ENTITY (nc), error))
        {
          g_prefix_error (error,
                          /* Translators: %u is a line number of the imported file */
                          _("line %u: "), row->line);
          goto failed;
        }

      g_ptr_array_add (summary->created_refs, g_strdup (rectify_nonconformity_get_ref (nc)));
    }

  /* A failed commit rolls the transaction back itself. */
  if (!dry_run && !rectify_register_commit (reg, error))
    goto forget;

  return TRUE;

failed:
  if (!dry_run)
    rectify_register_rollback (reg);
forget:
  g_clear_pointer (&summary->created_refs, g_ptr_array_unref);
  summary->created_refs = g_ptr_array_new_with_free_func (g_free);
  summary->n_created = 0;
  summary->n_existing = 0;
  summary->audit_created = FALSE;

  return FALSE;
}
