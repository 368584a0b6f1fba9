/* rectify-cli-fishbone.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-cli-private.h"
#include "rectify-fishbone.h"

int _rectify_cli_run_fishbone (const RectifyCliCommand  *command,
                               char                    **args);

/* rectify-cli fishbone REGISTER REF OUT.png|OUT.svg|OUT.pdf [--dark] */
int
_rectify_cli_run_fishbone (const RectifyCliCommand  *command,
                           char                    **args)
{
  g_auto(GStrv) argv = args;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyFishboneLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  RectifyNonconformity *nc;
  gboolean dark = FALSE;
  const GOptionEntry entries[] = {
    { "dark", 'd', 0, G_OPTION_ARG_NONE, &dark,
      N_("Draw light lines and text on a dark background"), NULL },
    { NULL }
  };

  if (!_rectify_cli_parse_options (command, entries, &argv, 3, 3))
    return RECTIFY_CLI_EXIT_USAGE;

  /* The file name decides the format: one we cannot write is wrong usage. */
  if (!rectify_fishbone_check_path (argv[3], &error))
    return _rectify_cli_usage_error (command, entries, "%s", error->message);

  if (!(reg = _rectify_cli_open_register (argv[1])))
    return RECTIFY_CLI_EXIT_BAD_INPUT;

  nc = _rectify_cli_find_nonconformity (reg, argv[2]);
  if (nc == NULL)
    {
      display = g_filename_display_name (argv[1]);
      /* Translators: the first %s is a reference like NC-001, the second a file name */
      _rectify_cli_print_error (_("no nonconformity “%s” in %s"), argv[2], display);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  layout = rectify_fishbone_layout_new_for_nc (reg, nc, NULL, 1.0);
  display = g_filename_display_name (argv[3]);

  if (!rectify_fishbone_export (layout,
                                dark ? rectify_fishbone_style_dark ()
                                     : rectify_fishbone_style_light (),
                                argv[3], &error))
    {
      /* The message names the file. */
      _rectify_cli_print_error ("%s", error->message);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  g_print ("%s\n", display);

  return RECTIFY_CLI_EXIT_OK;
}
