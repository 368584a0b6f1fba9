/* rectify-cli.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>

#include "rectify-cli-private.h"
#include "rectify-date.h"
#include "rectify-demo.h"

#define DEMO_MAX_COUNT 1000000

static int run_demo   (const RectifyCliCommand  *command,
                       char                    **args);
static int run_verify (const RectifyCliCommand  *command,
                       char                    **args);

static const RectifyCliCommand commands[] = {
  { "demo", N_("REGISTER"),
    N_("Create a register with sample data: without --count a realistic hand-written set, with it "
       "N synthetic nonconformities, the same for the same seed."),
    run_demo },
  { "import", N_("REGISTER FINDINGS.csv"),
    N_("Import audit findings from a CSV file as nonconformities, all or nothing (--audit TITLE, "
       "--dry-run)."),
    _rectify_cli_run_import },
  { "export", N_("REGISTER PLAN.xlsx"),
    N_("Write the corrective action plan workbook for the certification body (--audit TITLE)."),
    _rectify_cli_run_export },
  { "fishbone", N_("REGISTER REF OUT"),
    N_("Draw the fishbone (Ishikawa) diagram of a nonconformity's causes into OUT, a .png, .svg "
       "or .pdf file (--dark)."),
    _rectify_cli_run_fishbone },
  { "list", N_("REGISTER"),
    N_("List the nonconformities of a register."),
    _rectify_cli_run_list },
  { "show", N_("REGISTER REF"),
    N_("Show one nonconformity with its audit, causes, actions, approvals, verifications and "
       "history."),
    _rectify_cli_run_show },
  { "move", N_("REGISTER REF STATUS"),
    N_("Move a nonconformity to another status when the workflow rules allow it."),
    _rectify_cli_run_move },
  { "approve", N_("REGISTER REF ROLE DECISION"),
    N_("Record a decision on the corrective action plan of a nonconformity: ROLE is management, "
       "process-owner or certification-body, DECISION approved or not-approved (accepted or "
       "not-accepted for the certification body) (--by NAME, --on DATE, --resubmit-by DATE, "
       "--comment TEXT)."),
    _rectify_cli_run_approve },
  { "stats", N_("REGISTER"),
    N_("Show figures for continual improvement: open nonconformities by status, grade, source, "
       "area, requirement and theme, per month, overdue items, days to close, actions done on "
       "time, recurrence (--audit TITLE, --from DATE, --to DATE, --format text|json)."),
    _rectify_cli_run_stats },
  { "verify", N_("REGISTER"),
    N_("Check the integrity of a register file."),
    run_verify },
};

static GOptionContext *
make_option_context (const RectifyCliCommand *command,
                     const GOptionEntry      *entries)
{
  GOptionContext *context;
  g_autofree char *prgname = g_strdup_printf ("rectify-cli %s", command->name);

  g_set_prgname (prgname);
  context = g_option_context_new (_(command->parameters));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static void
print_command_help (const RectifyCliCommand *command,
                    const GOptionEntry      *entries)
{
  g_autoptr(GOptionContext) context = make_option_context (command, entries);
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("%s", help);
}

gboolean
_rectify_cli_parse_options (const RectifyCliCommand   *command,
                            const GOptionEntry        *entries,
                            char                    ***args,
                            guint                      n_min,
                            guint                      n_max)
{
  g_autoptr(GOptionContext) context = make_option_context (command, entries);
  g_autoptr(GError) error = NULL;
  guint n_args;

  if (!g_option_context_parse_strv (context, args, &error))
    {
      _rectify_cli_usage_error (command, entries, "%s", error->message);
      return FALSE;
    }

  n_args = g_strv_length (*args) - 1;
  if (n_args < n_min)
    {
      _rectify_cli_usage_error (command, entries, _("missing argument"));
      return FALSE;
    }
  if (n_args > n_max)
    {
      /* Translators: %s is a command-line argument */
      _rectify_cli_usage_error (command, entries, _("unexpected argument “%s”"),
                                (*args)[n_max + 1]);
      return FALSE;
    }

  return TRUE;
}

int
_rectify_cli_usage_error (const RectifyCliCommand *command,
                          const GOptionEntry      *entries,
                          const char              *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("rectify-cli %s: %s\n\n", command->name, message);
  print_command_help (command, entries);

  return RECTIFY_CLI_EXIT_USAGE;
}

void
_rectify_cli_print_error (const char *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("rectify-cli: %s\n", message);
}

static RectifyRegister *
open_register (const char               *path,
               RectifyRegisterOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  RectifyRegister *reg;

  reg = rectify_register_open_full (path, flags, &error);
  if (reg == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: the first %s is a file name, the second an error message */
      _rectify_cli_print_error (_("%s: %s"), display, error->message);
    }

  return reg;
}

RectifyNonconformity *
_rectify_cli_find_nonconformity (RectifyRegister *reg,
                                 const char      *ref)
{
  RectifyNonconformity *nc = rectify_register_find_nonconformity (reg, ref);
  g_autofree char *upper = NULL;

  if (nc != NULL)
    return nc;

  upper = g_ascii_strup (ref, -1);
  return rectify_register_find_nonconformity (reg, upper);
}

gboolean
_rectify_cli_parse_date (const char  *text,
                         char       **date)
{
  *date = NULL;
  if (text == NULL)
    return TRUE;

  *date = rectify_date_normalize (text);

  return *date != NULL;
}

RectifyRegister *
_rectify_cli_open_register (const char *path)
{
  return open_register (path, RECTIFY_REGISTER_OPEN_DEFAULT);
}

RectifyRegister *
_rectify_cli_open_register_for_writing (const char *path)
{
  return open_register (path, RECTIFY_REGISTER_OPEN_WRITABLE);
}

static void
print_usage (FILE *stream)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n  rectify-cli %s\n\n%s\n",
                          _("Usage:"), _("COMMAND [OPTION…] ARGUMENTS"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s %s", commands[i].name,
                                               _(commands[i].parameters));

      g_string_append_printf (out, "  %s\n", line);
      _rectify_cli_append_wrapped (out, _(commands[i].summary), 6, 78);
    }
  g_string_append_printf (out, "\n%s\n  --help     %s\n  --version  %s\n\n%s\n",
                          _("Options:"),
                          _("Show this help"),
                          _("Show the version"),
                          _("“rectify-cli COMMAND --help” describes the options of a command.\n"
                            "Exit status: 0 done, 1 wrong usage, 2 bad input or unusable file, "
                            "3 refused by a workflow rule."));

  if (stream == stdout)
    g_print ("%s", out->str);
  else
    g_printerr ("%s", out->str);
}

static const RectifyCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

static gboolean
parse_unsigned (const char *text,
                guint64     min,
                guint64     max,
                guint64    *value)
{
  return text != NULL && g_ascii_string_to_unsigned (text, 10, min, max, value, NULL);
}

static void
remove_register_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_warning ("Could not remove %s: %s", file, g_strerror (errno));
    }
}

static int
run_demo (const RectifyCliCommand  *command,
          char                    **args)
{
  g_auto(GStrv) argv = args;
  g_autofree char *count_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *display = NULL;
  guint64 count = 0;
  guint64 seed = 1;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_STRING, &count_text,
      N_("Create N synthetic nonconformities instead of the hand-written set"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed of the synthetic data (default 1)"), N_("S") },
    { NULL }
  };

  if (!_rectify_cli_parse_options (command, entries, &argv, 1, 1))
    return RECTIFY_CLI_EXIT_USAGE;

  if (count_text != NULL && !parse_unsigned (count_text, 1, DEMO_MAX_COUNT, &count))
    return _rectify_cli_usage_error (command, entries,
                                     /* Translators: %s is what the user typed, %d the maximum */
                                     _("--count needs a whole number from 1 to %d, not “%s”"),
                                     DEMO_MAX_COUNT, count_text);
  if (seed_text != NULL && count_text == NULL)
    return _rectify_cli_usage_error (command, entries, _("--seed needs --count"));
  if (seed_text != NULL && !parse_unsigned (seed_text, 0, G_MAXUINT32, &seed))
    return _rectify_cli_usage_error (command, entries,
                                     /* Translators: %s is what the user typed */
                                     _("--seed needs a whole number from 0 to 4294967295, not “%s”"),
                                     seed_text);

  display = g_filename_display_name (argv[1]);
  today = rectify_date_today ();

  reg = rectify_register_create (argv[1], &error);
  if (reg == NULL)
    {
      _rectify_cli_print_error (_("%s: %s"), display, error->message);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  if (count_text != NULL)
    ok = rectify_demo_populate_synthetic (reg, (guint)count, (guint32)seed, today, &error);
  else
    ok = rectify_demo_populate (reg, today, &error);

  if (!ok)
    {
      /* The file is ours: leave nothing behind. */
      g_clear_object (&reg);
      remove_register_files (argv[1]);
      _rectify_cli_print_error (_("%s: %s"), display, error->message);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  count = g_list_model_get_n_items (rectify_register_get_nonconformities (reg));
  g_clear_object (&reg);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Created %s with %'u nonconformity\n",
                        "Created %s with %'u nonconformities\n",
                        (gulong)count),
           display, (guint)count);

  return RECTIFY_CLI_EXIT_OK;
}

static int
run_verify (const RectifyCliCommand  *command,
            char                    **args)
{
  g_auto(GStrv) argv = args;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GError) error = NULL;

  if (!_rectify_cli_parse_options (command, NULL, &argv, 1, 1))
    return RECTIFY_CLI_EXIT_USAGE;

  if (!(reg = _rectify_cli_open_register (argv[1])))
    return RECTIFY_CLI_EXIT_BAD_INPUT;

  if (!rectify_register_verify (reg, &error))
    {
      g_autofree char *display = g_filename_display_name (argv[1]);

      _rectify_cli_print_error (_("%s: %s"), display, error->message);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  /* Translators: printed by "rectify-cli verify" when the register is sound */
  g_print ("%s\n", _("OK"));

  return RECTIFY_CLI_EXIT_OK;
}

/* Everything printed with g_print () and g_printerr () (messages that quote a file's text, the
 * refs of an import) is shown as text: no control character reaches the terminal. Then, as
 * GLib does, converted to the console's character set. */
static void
print_to (FILE       *stream,
          const char *string)
{
  g_autofree char *printable = _rectify_cli_printable (string);
  g_autofree char *converted = NULL;
  const char *charset;

  if (!g_get_console_charset (&charset))
    converted = g_convert_with_fallback (printable, -1, charset, "UTF-8", "?", NULL, NULL, NULL);

  fputs (converted != NULL ? converted : printable, stream);
  fflush (stream);
}

static void
print_cb (const char *string)
{
  print_to (stdout, string);
}

static void
printerr_cb (const char *string)
{
  print_to (stderr, string);
}

int
main (int   argc,
      char *argv[])
{
  const RectifyCliCommand *command;
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("rectify-cli");

  /* Past a file-size limit (ulimit -f) a write fails with EFBIG, which the register reports
   * and rolls back, instead of the process being killed in the middle of it */
  signal (SIGXFSZ, SIG_IGN);

  g_set_print_handler (print_cb);
  g_set_printerr_handler (printerr_cb);

  if (argc < 2)
    {
      print_usage (stderr);
      return RECTIFY_CLI_EXIT_USAGE;
    }

  name = argv[1];

  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "-?"))
    {
      print_usage (stdout);
      return RECTIFY_CLI_EXIT_OK;
    }

  if (g_str_equal (name, "--version"))
    {
      g_print ("rectify-cli %s\n", PACKAGE_VERSION);
      return RECTIFY_CLI_EXIT_OK;
    }

  if (g_str_equal (name, "help"))
    {
      if (argc == 2)
        {
          print_usage (stdout);
          return RECTIFY_CLI_EXIT_OK;
        }
      if (argc == 3 && (command = find_command (argv[2])) != NULL)
        {
          char *help_args[] = { argv[2], (char *)"--help", NULL };

          return command->run (command, g_strdupv (help_args));
        }

      _rectify_cli_print_error (_("unknown command “%s”"), argc > 2 ? argv[2] : "");
      g_printerr ("\n");
      print_usage (stderr);
      return RECTIFY_CLI_EXIT_USAGE;
    }

  command = find_command (name);
  if (command == NULL)
    {
      /* Translators: %s is what the user typed */
      _rectify_cli_print_error (_("unknown command “%s”"), name);
      g_printerr ("\n");
      print_usage (stderr);
      return RECTIFY_CLI_EXIT_USAGE;
    }

  return command->run (command, g_strdupv (argv + 1));
}
