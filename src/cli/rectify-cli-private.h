/* rectify-cli-private.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rectify-register.h"

G_BEGIN_DECLS

/* Exit status of every command (design.md, "The command line"). */
typedef enum
{
  RECTIFY_CLI_EXIT_OK        = 0, /* done */
  RECTIFY_CLI_EXIT_USAGE     = 1, /* wrong usage */
  RECTIFY_CLI_EXIT_BAD_INPUT = 2, /* bad input or unusable file; nothing written */
  RECTIFY_CLI_EXIT_REFUSED   = 3, /* refused by a workflow rule */
} RectifyCliExit;

typedef struct _RectifyCliCommand RectifyCliCommand;

/* @args: the command's arguments, args[0] being the command name; owned by the command, which
 * frees them with g_strfreev(). Returns a RectifyCliExit. */
typedef int (*RectifyCliRunFunc) (const RectifyCliCommand  *command,
                                  char                    **args);

struct _RectifyCliCommand
{
  const char        *name;
  const char        *parameters;  /* "REGISTER REF" */
  const char        *summary;     /* N_() */
  RectifyCliRunFunc  run;
};

/* Parses @args in place with @entries (may be NULL). On success the remaining positional
 * arguments follow args[0] and their count must be in [@n_min, @n_max]. On wrong usage prints the
 * problem and the command's help on stderr and returns FALSE. "--help" prints the help on stdout
 * and exits with 0. */
gboolean         _rectify_cli_parse_options    (const RectifyCliCommand  *command,
                                                const GOptionEntry       *entries,
                                                char                   ***args,
                                                guint                     n_min,
                                                guint                     n_max);
/* Prints "rectify-cli COMMAND: MESSAGE", then the command's help, on stderr; returns
 * RECTIFY_CLI_EXIT_USAGE. */
int              _rectify_cli_usage_error      (const RectifyCliCommand  *command,
                                                const GOptionEntry       *entries,
                                                const char               *format,
                                                ...) G_GNUC_PRINTF (3, 4);
/* Prints "rectify-cli: MESSAGE" on stderr. */
void             _rectify_cli_print_error      (const char               *format,
                                                ...) G_GNUC_PRINTF (1, 2);
/* Opens a register for a command that reads it: for reading only when it cannot be written
 * (a read-only file, folder or medium). On failure prints why on stderr and returns NULL
 * (exit 2). */
RectifyRegister *_rectify_cli_open_register    (const char               *path);
/* The same for a command that changes it: a register that cannot be written is refused with a
 * message that says so. */
RectifyRegister *_rectify_cli_open_register_for_writing (const char      *path);
/* The NC of @ref, whatever its case ("nc-001" finds "NC-001"), or NULL. (transfer none) */
RectifyNonconformity *_rectify_cli_find_nonconformity (RectifyRegister   *reg,
                                                       const char        *ref);
/* A date option: @text (nullable; "2026-03-04", "04.03.2026" or "04/03/2026") as an ISO date in
 * @date (NULL when @text is NULL). FALSE when @text is not a date. */
gboolean         _rectify_cli_parse_date       (const char               *text,
                                                char                    **date);

/* Output helpers (rectify-cli-output.c). Data goes to stdout as UTF-8, whatever the locale. */
void             _rectify_cli_append_json_string (GString                *out,
                                                  const char             *str);
void             _rectify_cli_append_csv_field   (GString                *out,
                                                  const char             *str);
/* Appends @text wrapped at @width columns, each line indented by @indent spaces. */
void             _rectify_cli_append_wrapped     (GString                *out,
                                                  const char             *text,
                                                  guint                   indent,
                                                  guint                   width);
/* Appends @text padded with spaces to @width characters (UTF-8 aware). */
void             _rectify_cli_append_padded      (GString                *out,
                                                  const char             *text,
                                                  guint                   width);
/* @text (nullable) made safe to show on a terminal (transfer full): valid UTF-8, control
 * characters other than new lines and tabs shown as symbols. */
char            *_rectify_cli_printable           (const char             *text);
/* Writes @out to stdout, made printable; FALSE (with a message on stderr) if that fails. */
gboolean         _rectify_cli_write              (GString                *out);

/* Commands (rectify-cli-list.c). */
int              _rectify_cli_run_list           (const RectifyCliCommand  *command,
                                                  char                    **args);
int              _rectify_cli_run_show           (const RectifyCliCommand  *command,
                                                  char                    **args);
/* rectify-cli-import.c, rectify-cli-export.c, rectify-cli-fishbone.c, rectify-cli-move.c,
 * rectify-cli-approve.c */
int              _rectify_cli_run_import         (const RectifyCliCommand  *command,
                                                  char                    **args);
int              _rectify_cli_run_export         (const RectifyCliCommand  *command,
                                                  char                    **args);
int              _rectify_cli_run_fishbone       (const RectifyCliCommand  *command,
                                                  char                    **args);
int              _rectify_cli_run_move           (const RectifyCliCommand  *command,
                                                  char                    **args);
int              _rectify_cli_run_approve        (const RectifyCliCommand  *command,
                                                  char                    **args);
/* rectify-cli-stats.c */
int              _rectify_cli_run_stats          (const RectifyCliCommand  *command,
                                                  char                    **args);

G_END_DECLS
