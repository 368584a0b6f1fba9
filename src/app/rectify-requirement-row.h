/* rectify-requirement-row.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RECTIFY_TYPE_REQUIREMENT_ROW (rectify_requirement_row_get_type ())

G_DECLARE_FINAL_TYPE (RectifyRequirementRow, rectify_requirement_row, RECTIFY, REQUIREMENT_ROW, AdwEntryRow)

/* An entry row with type-ahead over the ISO/IEC 27001:2022 catalogue.
 *
 * Properties:
 *   "requirement"  string  the catalogue ref ("A.5.15") of the chosen entry, or NULL when the
 *                          field is empty. notify::requirement is emitted when the user commits a
 *                          new valid value (picks a suggestion, presses Enter, leaves the field).
 *                          A text that is not in the catalogue is marked with the "error" style
 *                          and leaves the property unchanged.
 */

GtkWidget  *rectify_requirement_row_new             (void);
const char *rectify_requirement_row_get_requirement (RectifyRequirementRow *self);
/* Shows @ref (a catalogue ref or NULL) without emitting a user commit. */
void        rectify_requirement_row_set_requirement (RectifyRequirementRow *self,
                                                     const char            *ref);
/* Commits the current text now: TRUE when it is empty or in the catalogue. */
gboolean    rectify_requirement_row_commit          (RectifyRequirementRow *self);

G_END_DECLS
