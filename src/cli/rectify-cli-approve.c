/* rectify-cli-approve.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* rectify-cli approve REGISTER REF ROLE DECISION --by NAME [--on DATE] [--resubmit-by DATE]
 * [--comment TEXT]: records a decision on the corrective action plan of one nonconformity, with
 * rectify_register_record_approval() as the app does. Exit 0 recorded; 1 wrong usage (an unknown
 * role or decision word, no --by); 2 bad input (no such register or reference, a date that is not
 * a date, a resubmit-by date on a decision that cannot have one), nothing written. */

#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-cli-private.h"
#include "rectify-date.h"

int _rectify_cli_run_approve (const RectifyCliCommand  *command,
                              char                    **args);

static const char * const roles[] = { "management", "process-owner", "certification-body", NULL };

/* The decision words: the first two for management and the process owner, the others for the
 * certification body; either pair is understood for any role. */
static const struct
{
  const char *word;
  gboolean    approved;
} decisions[] = {
  { "approved", TRUE },
  { "not-approved", FALSE },
  { "accepted", TRUE },
  { "not-accepted", FALSE },
};

int
_rectify_cli_run_approve (const RectifyCliCommand  *command,
                          char                    **args)
{
  g_auto(GStrv) argv = args;
  g_autofree char *by = NULL;
  g_autofree char *on_text = NULL;
  g_autofree char *resubmit_text = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *role = NULL;
  g_autofree char *word = NULL;
  g_autofree char *on = NULL;
  g_autofree char *resubmit_by = NULL;
  g_autofree char *display = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  RectifyNonconformity *nc;
  const char *decision = NULL;
  gboolean approved = FALSE;
  const GOptionEntry entries[] = {
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by,
      N_("Who decided (required)"), N_("NAME") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on_text,
      N_("The date of the decision (default: today)"), N_("DATE") },
    { "resubmit-by", 0, 0, G_OPTION_ARG_STRING, &resubmit_text,
      N_("The date by which the plan must be resubmitted (only with certification-body "
         "not-accepted)"), N_("DATE") },
    { "comment", 'c', 0, G_OPTION_ARG_STRING, &comment,
      N_("A comment on the decision"), N_("TEXT") },
    { NULL }
  };

  if (!_rectify_cli_parse_options (command, entries, &argv, 4, 4))
    return RECTIFY_CLI_EXIT_USAGE;

  /* The words are part of the usage: checked before the file is opened */
  role = g_ascii_strdown (argv[3], -1);
  if (!g_strv_contains (roles, role))
    return _rectify_cli_usage_error (command, entries,
                                     /* Translators: %s is what was typed; the role words are
                                      * not translated */
                                     _("unknown role “%s”; use one of: management, "
                                       "process-owner, certification-body"), argv[3]);

  word = g_ascii_strdown (argv[4], -1);
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    if (g_str_equal (word, decisions[i].word))
      {
        decision = decisions[i].word;
        approved = decisions[i].approved;
      }
  if (decision == NULL)
    return _rectify_cli_usage_error (command, entries,
                                     /* Translators: %s is what was typed; the decision words
                                      * are not translated */
                                     _("unknown decision “%s”; use one of: approved, "
                                       "not-approved, accepted, not-accepted"), argv[4]);

  if (by == NULL || *g_strstrip (by) == '\0')
    return _rectify_cli_usage_error (command, entries, _("--by NAME is required"));

  /* A date that is not a date is bad input, as in the register */
  if (!_rectify_cli_parse_date (on_text, &on))
    {
      /* Translators: %s is what the user typed */
      _rectify_cli_print_error (_("--on needs a date (YYYY-MM-DD), not “%s”"), on_text);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }
  if (!_rectify_cli_parse_date (resubmit_text, &resubmit_by))
    {
      /* Translators: %s is what the user typed */
      _rectify_cli_print_error (_("--resubmit-by needs a date (YYYY-MM-DD), not “%s”"),
                                resubmit_text);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }
  if (on == NULL)
    on = rectify_date_today ();

  if (!(reg = _rectify_cli_open_register_for_writing (argv[1])))
    return RECTIFY_CLI_EXIT_BAD_INPUT;

  display = g_filename_display_name (argv[1]);

  if ((nc = _rectify_cli_find_nonconformity (reg, argv[2])) == NULL)
    {
      /* Translators: the first %s is a reference like NC-001, the second a file name */
      _rectify_cli_print_error (_("no nonconformity “%s” in %s"), argv[2], display);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  if (!rectify_register_record_approval (reg, nc, role, by, approved, on, resubmit_by,
                                         comment != NULL && comment[0] != '\0' ? comment : NULL,
                                         &error))
    {
      _rectify_cli_print_error (_("%s: %s"), display, error->message);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  /* For scripts: "NC-016: certification-body not-accepted 2026-06-15 resubmit-by 2026-07-15" */
  out = g_string_new (NULL);
  g_string_append_printf (out, "%s: %s %s %s", rectify_nonconformity_get_ref (nc), role,
                          decision, on);
  if (resubmit_by != NULL)
    g_string_append_printf (out, " resubmit-by %s", resubmit_by);
  g_string_append_c (out, '\n');

  return _rectify_cli_write (out) ? RECTIFY_CLI_EXIT_OK : RECTIFY_CLI_EXIT_BAD_INPUT;
}
