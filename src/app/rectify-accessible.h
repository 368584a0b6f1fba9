/* rectify-accessible.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Work-arounds for controls GTK 4.8 leaves without an accessible name (a screen reader reads
 * the type name instead; tests/test-accessibility.c finds them). */

/* The button inside a GtkDropDown takes the focus but is unnamed ("GtkToggleButton"): label it
 * by the drop-down, so it takes the drop-down's accessible label. Set that label first. */
void rectify_accessible_name_drop_down (GtkDropDown *drop_down);
/* A GtkExpander is unnamed ("GtkExpander"): label it by its label widget. */
void rectify_accessible_name_expander  (GtkExpander *expander);

G_END_DECLS
