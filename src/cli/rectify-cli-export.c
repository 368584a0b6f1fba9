/* rectify-cli-export.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-cli-private.h"
#include "rectify-date.h"
#include "rectify-export.h"

int _rectify_cli_run_export (const RectifyCliCommand  *command,
                             char                    **args);

/* rectify-cli export REGISTER PLAN.xlsx [--audit TITLE] */
int
_rectify_cli_run_export (const RectifyCliCommand  *command,
                         char                    **args)
{
  g_auto(GStrv) argv = args;
  g_autofree char *audit_title = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *display = NULL;
  RectifyAudit *audit = NULL;
  const GOptionEntry entries[] = {
    { "audit", 'a', 0, G_OPTION_ARG_STRING, &audit_title,
      N_("Only the nonconformities of the audit with this title"), N_("TITLE") },
    { NULL }
  };

  if (!_rectify_cli_parse_options (command, entries, &argv, 2, 2))
    return RECTIFY_CLI_EXIT_USAGE;

  if (!(reg = _rectify_cli_open_register (argv[1])))
    return RECTIFY_CLI_EXIT_BAD_INPUT;

  if (audit_title != NULL)
    {
      audit = rectify_register_find_audit (reg, audit_title);
      if (audit == NULL)
        {
          /* Translators: %s is the title of an audit */
          _rectify_cli_print_error (_("no audit titled “%s” in the register"), audit_title);
          return RECTIFY_CLI_EXIT_BAD_INPUT;
        }
    }

  today = rectify_date_today ();
  display = g_filename_display_name (argv[2]);

  if (!rectify_export_workbook (reg, argv[2], audit, today, NULL, NULL, NULL, &error))
    {
      _rectify_cli_print_error ("%s", error->message);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  return RECTIFY_CLI_EXIT_OK;
}
