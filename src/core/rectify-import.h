/* rectify-import.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rectify-register.h"

G_BEGIN_DECLS

/* Import of audit findings from a CSV file (a CB's NCR list, an internal audit report): UTF-8 with
 * or without a BOM, comma, semicolon or tab delimited, parsed with libcsv. All or nothing: a file
 * with any bad row imports nothing. */

#define RECTIFY_IMPORT_ERROR (rectify_import_error_quark ())

typedef enum
{
  RECTIFY_IMPORT_ERROR_BAD_FILE,   /* the file has problems (see RectifyImportResult.problems) */
  RECTIFY_IMPORT_ERROR_FAILED,     /* the register refused a write; nothing was imported */
} RectifyImportError;

/* One finding read from the file; the values are already checked and normalised. */
typedef struct
{
  guint         line;          /* line of the file where the record starts (1-based) */
  char         *reference;     /* the finding's own number, or NULL */
  char         *statement;
  char         *requirement;   /* catalogue ref ("A.5.15", "9.2"), or NULL */
  RectifyGrade  grade;
  gboolean      has_grade;
  char         *evidence;
  char         *area;
  char         *auditor;
  char         *date;          /* ISO "YYYY-MM-DD", or NULL */
} RectifyImportRow;

typedef struct
{
  guint  line;                 /* 0 for the file as a whole */
  char  *message;              /* translated */
} RectifyImportProblem;

typedef struct
{
  GPtrArray *rows;             /* (element-type RectifyImportRow) */
  GPtrArray *problems;         /* (element-type RectifyImportProblem), empty when the file is good */
  GPtrArray *ignored_columns;  /* (element-type utf8) header names that were not recognised */
  char       delimiter;        /* ',', ';' or '\t' */
} RectifyImportResult;

/* What rectify_import_apply() created (or, in a dry run, would create). */
typedef struct
{
  guint      n_created;
  guint      n_existing;       /* already in the register from an earlier import: skipped */
  gboolean   audit_created;
  GPtrArray *created_refs;     /* (element-type utf8) refs of the NCs created */
} RectifyImportSummary;

GQuark               rectify_import_error_quark   (void);

/* Parses the bytes of a findings file. Never NULL; the file is good when result->problems is
 * empty. */
RectifyImportResult *rectify_import_parse         (const char            *data,
                                                   gsize                  length);
void                 rectify_import_result_free   (RectifyImportResult   *result);
gboolean             rectify_import_result_is_ok  (RectifyImportResult   *result);

/* Adds the parsed findings to @reg in one transaction (rolled back on any error), attached to
 * the audit titled @audit_title (created as an internal audit if missing; NULL: no audit). A
 * finding already imported (same audit and reference, or without a reference the same
 * statement) is skipped. The external reference becomes the NC's "ref" when it is free in the
 * register; otherwise "REF-2", "REF-3", ... With @dry_run nothing is written and @summary says
 * what would be created. */
gboolean             rectify_import_apply         (RectifyRegister       *reg,
                                                   RectifyImportResult   *result,
                                                   const char            *audit_title,
                                                   gboolean               dry_run,
                                                   RectifyImportSummary  *summary,
                                                   GError               **error);
void                 rectify_import_summary_clear (RectifyImportSummary  *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyImportResult, rectify_import_result_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RectifyImportSummary, rectify_import_summary_clear)

G_END_DECLS
