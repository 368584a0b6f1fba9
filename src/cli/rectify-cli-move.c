/* rectify-cli-move.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* rectify-cli move REGISTER REF STATUS: asks the register (which asks the workflow rules) to move
 * one nonconformity. Exit 0 moved; 1 wrong usage (an unknown status word); 2 bad input (no such
 * register or reference); 3 refused by a workflow rule, the missing conditions on stderr. */

#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-cli-private.h"

int _rectify_cli_run_move (const RectifyCliCommand  *command,
                           char                    **args);

/* The status words, "reported, analysis, …", for messages. */
static char *
status_words (void)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (int s = RECTIFY_STATUS_REPORTED; s <= RECTIFY_STATUS_CLOSED; s++)
    {
      if (words->len > 0)
        g_string_append (words, ", ");
      g_string_append (words, rectify_enum_to_nick (RECTIFY_TYPE_STATUS, s));
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

int
_rectify_cli_run_move (const RectifyCliCommand  *command,
                       char                    **args)
{
  g_auto(GStrv) argv = args;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *word = NULL;
  g_autofree char *display = NULL;
  RectifyNonconformity *nc;
  RectifyStatus from;
  int to;

  if (!_rectify_cli_parse_options (command, NULL, &argv, 3, 3))
    return RECTIFY_CLI_EXIT_USAGE;

  /* The status word is part of the usage: checked before the file is opened */
  word = g_ascii_strdown (argv[3], -1);
  if (!rectify_enum_from_nick (RECTIFY_TYPE_STATUS, word, &to))
    {
      g_autofree char *words = status_words ();

      /* Translators: the first %s is what was typed, the second the list of status words */
      return _rectify_cli_usage_error (command, NULL, _("unknown status “%s”; use one of: %s"),
                                       argv[3], words);
    }

  if (!(reg = _rectify_cli_open_register_for_writing (argv[1])))
    return RECTIFY_CLI_EXIT_BAD_INPUT;

  display = g_filename_display_name (argv[1]);

  if ((nc = _rectify_cli_find_nonconformity (reg, argv[2])) == NULL)
    {
      /* Translators: the first %s is a reference like NC-001, the second a file name */
      _rectify_cli_print_error (_("no nonconformity “%s” in %s"), argv[2], display);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  from = rectify_nonconformity_get_status (nc);

  if (!rectify_register_move (reg, nc, to, &missing, &error))
    {
      if (g_error_matches (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_REFUSED))
        {
          g_autofree char *codes = NULL;
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) list = NULL;

          for (guint i = 0; missing != NULL && i < missing->len; i++)
            {
              RectifyWorkflowMissing *item = g_ptr_array_index (missing, i);

              g_strv_builder_add (builder, rectify_enum_to_nick (RECTIFY_TYPE_WORKFLOW_CONDITION,
                                                                 item->condition));
            }
          list = g_strv_builder_end (builder);
          codes = g_strjoinv (", ", list);

          /* Translators: "NC-004 cannot move from analysis to action-planned:", then the
           * missing conditions, one per line */
          _rectify_cli_print_error (_("%s cannot move from %s to %s:"),
                                    rectify_nonconformity_get_ref (nc),
                                    rectify_enum_to_nick (RECTIFY_TYPE_STATUS, from), word);
          g_printerr ("%s\n", error->message);
          /* The condition codes, for scripts */
          g_printerr ("%s %s\n", _("Missing:"), codes);
          return RECTIFY_CLI_EXIT_REFUSED;
        }

      _rectify_cli_print_error (_("%s: %s"), display, error->message);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s: %s -> %s\n", rectify_nonconformity_get_ref (nc),
                          rectify_enum_to_nick (RECTIFY_TYPE_STATUS, from),
                          rectify_enum_to_nick (RECTIFY_TYPE_STATUS, to));

  return _rectify_cli_write (out) ? RECTIFY_CLI_EXIT_OK : RECTIFY_CLI_EXIT_BAD_INPUT;
}
