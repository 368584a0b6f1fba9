/* rectify-cli-output.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rectify-cli-private.h"

/* JSON string (RFC 8259): quotes and backslashes escaped, control characters as \uXXXX,
 * invalid UTF-8 replaced. */
void
_rectify_cli_append_json_string (GString    *out,
                                 const char *str)
{
  g_autofree char *valid = NULL;

  g_assert (out != NULL);

  if (str == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  valid = g_utf8_make_valid (str, -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char)c);
        }
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else if (c == 0xc2 && (guchar)p[1] >= 0x80 && (guchar)p[1] <= 0x9f)
        {
          /* C1 control characters (U+0080 to U+009F) are escaped too, so that no terminal
           * that shows the output acts on them */
          g_string_append_printf (out, "\\u%04x", (guchar)p[1]);
          p++;
        }
      else
        g_string_append_c (out, (char)c);
    }
  g_string_append_c (out, '"');
}

/* CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, or starts or ends with
 * a space; quotes doubled. NULL is an empty field.
 *
 * The file is meant for spreadsheets, which run a cell that starts with "=", "+", "-" or "@"
 * (or a tab or CR before one) as a formula: such a value gets a leading apostrophe, which
 * spreadsheets show as text ("'=cmd|' /C calc'!A0" is shown as the text "=cmd|' /C calc'!A0"
 * in a spreadsheet, never run). */
void
_rectify_cli_append_csv_field (GString    *out,
                               const char *str)
{
  g_autofree char *valid = NULL;
  gboolean formula;
  gsize len;

  g_assert (out != NULL);

  if (str == NULL || str[0] == '\0')
    return;

  valid = g_utf8_make_valid (str, -1);
  len = strlen (valid);
  formula = strchr ("=+-@\t\r", valid[0]) != NULL;

  if (!formula &&
      strpbrk (valid, ",\"\r\n") == NULL && valid[0] != ' ' && valid[len - 1] != ' ')
    {
      g_string_append (out, valid);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = valid; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
_rectify_cli_append_padded (GString    *out,
                            const char *text,
                            guint       width)
{
  glong len;

  g_assert (out != NULL);

  if (text == NULL)
    text = "";

  len = g_utf8_strlen (text, -1);
  g_string_append (out, text);
  for (glong i = len; i < (glong)width; i++)
    g_string_append_c (out, ' ');
}

static void
append_indent (GString *out,
               guint    indent)
{
  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
}

void
_rectify_cli_append_wrapped (GString    *out,
                             const char *text,
                             guint       indent,
                             guint       width)
{
  g_auto(GStrv) paragraphs = NULL;

  g_assert (out != NULL);

  if (text == NULL || text[0] == '\0')
    {
      append_indent (out, indent);
      g_string_append (out, "-\n");
      return;
    }

  paragraphs = g_strsplit (text, "\n", -1);
  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit_set (paragraphs[p], " \t", -1);
      glong column = 0;

      append_indent (out, indent);
      for (guint w = 0; words[w] != NULL; w++)
        {
          glong len = g_utf8_strlen (words[w], -1);

          if (len == 0)
            continue;

          if (column > 0 && indent + column + 1 + len > width)
            {
              g_string_append_c (out, '\n');
              append_indent (out, indent);
              column = 0;
            }
          else if (column > 0)
            {
              g_string_append_c (out, ' ');
              column++;
            }

          g_string_append (out, words[w]);
          column += len;
        }
      g_string_append_c (out, '\n');
    }
}

/* @text (nullable) as UTF-8 that a terminal only shows: invalid sequences replaced, control
 * characters that a terminal would act on (escape sequences, bell, backspace, a carriage return
 * that is not part of a line end, DEL, C1 controls) shown as their symbols (␛, ␇, ...) or as
 * U+FFFD; new lines and tabs kept. */
char *
_rectify_cli_printable (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c == '\n' || c == '\t' || (c == '\r' && p[1] == '\n'))
        g_string_append_c (out, (char)c);
      else if (c < 0x20)
        g_string_append_unichar (out, 0x2400 + c);
      else if (c == 0x7f)
        g_string_append_unichar (out, 0x2421);
      else if (c == 0xc2 && (guchar)p[1] >= 0x80 && (guchar)p[1] <= 0x9f)
        {
          g_string_append_unichar (out, 0xfffd);
          p++;
        }
      else
        g_string_append_c (out, (char)c);
    }

  return g_string_free (out, FALSE);
}

gboolean
_rectify_cli_write (GString *out)
{
  g_autofree char *printable = NULL;
  gsize len;

  g_assert (out != NULL);

  printable = _rectify_cli_printable (out->str);
  len = strlen (printable);

  if ((len > 0 && fwrite (printable, 1, len, stdout) != len) ||
      fflush (stdout) != 0)
    {
      int saved_errno = errno;

      /* Translators: %s is a system error message */
      _rectify_cli_print_error (_("could not write the output: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
