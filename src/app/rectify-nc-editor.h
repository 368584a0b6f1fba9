/* rectify-nc-editor.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rectify-nonconformity.h"
#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_NC_EDITOR (rectify_nc_editor_get_type ())

G_DECLARE_FINAL_TYPE (RectifyNcEditor, rectify_nc_editor, RECTIFY, NC_EDITOR, AdwBin)

/* Signals:
 *   "error" (const char *message): a save or a move failed (a refused move names what is
 *       missing); the widget was reverted to the stored value.
 *   "show-nonconformity" (RectifyNonconformity *nc): the user asked to see another NC of the
 *       register (a similar nonconformity); the window selects it.
 */

GtkWidget            *rectify_nc_editor_new              (void);
void                  rectify_nc_editor_set_register     (RectifyNcEditor      *self,
                                                          RectifyRegister      *reg);
RectifyRegister      *rectify_nc_editor_get_register     (RectifyNcEditor      *self);
/* @nc: (nullable): NULL shows the empty state. */
/* Scrolls to and focuses where a missing workflow condition is fixed (RectifyWorkflowCondition) */
void                  rectify_nc_editor_reveal_condition  (RectifyNcEditor     *self,
                                                           int                  condition);
void                  rectify_nc_editor_set_nonconformity (RectifyNcEditor     *self,
                                                          RectifyNonconformity *nc);
RectifyNonconformity *rectify_nc_editor_get_nonconformity (RectifyNcEditor     *self);
void                  rectify_nc_editor_focus_title      (RectifyNcEditor      *self);

/* for tests */
GtkEditable          *_rectify_nc_editor_get_title_editable (RectifyNcEditor   *self);
/* Saves any pending (debounced) edit now. */
void                  _rectify_nc_editor_flush           (RectifyNcEditor      *self);
/* Whether a search for similar NCs waits for its pause in changes; runs it now when @run. */
gboolean              _rectify_nc_editor_similar_pending (RectifyNcEditor      *self,
                                                          gboolean              run);
/* A widget of the template by its id ("move_button", "missing_list", "causes_list", ...). */
GtkWidget            *_rectify_nc_editor_get_child       (RectifyNcEditor      *self,
                                                          const char           *name);

G_END_DECLS
