/* test-log.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the UI tests that open popovers. GTK 4.8 on X11 without a window manager: a popover placed
 * before the X server has reported where its window is asks GDK for the geometry of no monitor,
 * a CRITICAL inside GDK ("gdk_monitor_get_geometry: assertion 'GDK_IS_MONITOR (monitor)'
 * failed"; the popover still shows). It happens now and then, on a loaded machine. A fatal-log
 * handler (g_test_log_set_fatal_handler ()) did not keep it from aborting the test, so here
 * criticals are not fatal: every critical but that one fails the test (g_test_fail ()) when it is
 * written, and warnings stay fatal. Call test_log_tolerate_gdk_monitor () after g_test_init ().
 */

#pragma once

#include <string.h>

#include <glib.h>

static GLogWriterOutput
test_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (log_level & G_LOG_LEVEL_CRITICAL)
    {
      const char *domain = NULL;
      const char *message = NULL;

      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
            domain = fields[i].value;
          else if (g_str_equal (fields[i].key, "MESSAGE"))
            message = fields[i].value;
        }

      if (!(g_strcmp0 (domain, "Gdk") == 0 && message != NULL &&
            strstr (message, "gdk_monitor_get_geometry") != NULL))
        g_test_fail ();
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static inline void
test_log_tolerate_gdk_monitor (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING);
  g_log_set_writer_func (test_log_writer, NULL, NULL);
}
