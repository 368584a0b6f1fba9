/* fuzz-common.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <signal.h>
#include <stdlib.h>

/* g_error() and a fatal g_critical() stop the process with SIGTRAP (G_BREAKPOINT), which
 * libFuzzer does not catch: it would die without writing the crash input. Turn it into abort(),
 * which libFuzzer reports and saves. */
static void
fuzz_on_sigtrap (int signum)
{
  (void)signum;
  abort ();
}

static inline void
fuzz_common_init (void)
{
  signal (SIGTRAP, fuzz_on_sigtrap);
  /* A critical is a broken precondition inside the core: a bug, whatever the input. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  g_setenv ("RECTIFY_TODAY", "2026-06-15", TRUE);
}
