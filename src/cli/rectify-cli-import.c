/* rectify-cli-import.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-cli-private.h"
#include "rectify-import.h"

/* Findings files are small; refuse anything absurd before reading it into memory. */
#define MAX_FILE_SIZE (64 * 1024 * 1024)

int _rectify_cli_run_import (const RectifyCliCommand  *command,
                             char                    **args);

/* rectify-cli import REGISTER FINDINGS.csv [--audit TITLE] [--dry-run] */
int
_rectify_cli_run_import (const RectifyCliCommand  *command,
                         char                    **args)
{
  g_auto(GStrv) argv = args;
  g_autofree char *audit_title = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyImportResult) result = NULL;
  g_auto(RectifyImportSummary) summary = { 0 };
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "audit", 'a', 0, G_OPTION_ARG_STRING, &audit_title,
      N_("Attach the findings to the audit with this title (created if missing)"), N_("TITLE") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and report what would be created, without writing"), NULL },
    { NULL }
  };

  if (!_rectify_cli_parse_options (command, entries, &argv, 2, 2))
    return RECTIFY_CLI_EXIT_USAGE;

  display = g_filename_display_name (argv[2]);

  mapped = g_mapped_file_new (argv[2], FALSE, &error);
  if (mapped == NULL)
    {
      _rectify_cli_print_error ("%s", error->message);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }
  if (g_mapped_file_get_length (mapped) > MAX_FILE_SIZE)
    {
      /* Translators: %s is a file name */
      _rectify_cli_print_error (_("%s: the file is too large for a findings list"), display);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  result = rectify_import_parse (g_mapped_file_get_contents (mapped),
                                 g_mapped_file_get_length (mapped));

  for (guint i = 0; i < result->ignored_columns->len; i++)
    /* Translators: %s is a column name of the imported file */
    g_printerr (_("Ignored column “%s”\n"), (char *)g_ptr_array_index (result->ignored_columns, i));

  if (!rectify_import_result_is_ok (result))
    {
      for (guint i = 0; i < result->problems->len; i++)
        {
          RectifyImportProblem *problem = g_ptr_array_index (result->problems, i);

          if (problem->line > 0)
            /* Translators: file name, line number, problem */
            g_printerr (_("%s:%u: %s\n"), display, problem->line, problem->message);
          else
            g_printerr ("%s: %s\n", display, problem->message);
        }
      _rectify_cli_print_error (_("nothing was imported"));
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  /* A dry run only reads the register */
  if (!(reg = dry_run ? _rectify_cli_open_register (argv[1])
                      : _rectify_cli_open_register_for_writing (argv[1])))
    return RECTIFY_CLI_EXIT_BAD_INPUT;

  if (!rectify_import_apply (reg, result, audit_title, dry_run, &summary, &error))
    {
      g_autofree char *register_display = g_filename_display_name (argv[1]);

      /* The register refused the change (full, locked, read-only): name the register */
      _rectify_cli_print_error (_("%s: %s"),
                                g_error_matches (error, RECTIFY_IMPORT_ERROR,
                                                 RECTIFY_IMPORT_ERROR_BAD_FILE)
                                ? display : register_display,
                                error->message);
      _rectify_cli_print_error (_("nothing was imported"));
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  if (summary.audit_created)
    g_print (dry_run ? _("Would create audit “%s”\n") : _("Created audit “%s”\n"), audit_title);
  for (guint i = 0; i < summary.created_refs->len; i++)
    g_print (dry_run ? _("Would create %s\n") : _("Created %s\n"),
             (char *)g_ptr_array_index (summary.created_refs, i));

  if (dry_run)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Dry run: %'u nonconformity would be created, %'u already imported; "
                          "nothing was written\n",
                          "Dry run: %'u nonconformities would be created, %'u already imported; "
                          "nothing was written\n",
                          summary.n_created),
             summary.n_created, summary.n_existing);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Imported %'u nonconformity, %'u already imported\n",
                          "Imported %'u nonconformities, %'u already imported\n",
                          summary.n_created),
             summary.n_created, summary.n_existing);

  return RECTIFY_CLI_EXIT_OK;
}
