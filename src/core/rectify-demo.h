/* rectify-demo.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-register.h"

G_BEGIN_DECLS

/* Fills an empty register with a realistic, hand-written ISMS: an organisation, several audits,
 * at least 20 NCs of every grade, source and status, with causes and actions where the status
 * implies them. Dates are relative to @today ("YYYY-MM-DD", NULL for today). One transaction. */
gboolean rectify_demo_populate           (RectifyRegister  *reg,
                                          const char       *today,
                                          GError          **error);
/* Fills an empty register with @count synthetic NCs (about three actions each), the same for the
 * same @seed and @today. One transaction. For benchmarks. */
gboolean rectify_demo_populate_synthetic (RectifyRegister  *reg,
                                          guint             count,
                                          guint32           seed,
                                          const char       *today,
                                          GError          **error);

G_END_DECLS
