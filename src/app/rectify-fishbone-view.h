/* rectify-fishbone-view.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rectify-fishbone.h"
#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_FISHBONE_VIEW (rectify_fishbone_view_get_type ())

G_DECLARE_FINAL_TYPE (RectifyFishboneView, rectify_fishbone_view, RECTIFY, FISHBONE_VIEW, GtkWidget)

/* The interactive fishbone diagram of one NC, drawn by the core (rectify_fishbone_draw()).
 *
 * Signals:
 *   "selection-changed" ()            the selected cause or bone changed
 *   "layout-changed" ()               the diagram was laid out again (causes changed)
 *   "cause-removed" (GPtrArray *removed)
 *        a cause and its sub-causes were removed; @removed is a snapshot for
 *        _rectify_cause_tree_restore() (take a reference to keep it)
 *   "error" (const char *message)     a write to the register failed
 *
 * Widget actions (bound to keys): fishbone.add-cause (Insert, a), fishbone.add-why (w),
 * fishbone.edit (Return, F2), fishbone.remove (Delete), fishbone.toggle-root (r),
 * fishbone.move-cause(i) (Alt+Up/Down: one place earlier/later on its bone, -1/+1; Alt+Left/Right:
 * onto the previous/next bone, -2/+2),
 * fishbone.zoom-in (Ctrl+plus), fishbone.zoom-out (Ctrl+minus), fishbone.zoom-reset (Ctrl+0),
 * fishbone.zoom-fit (Ctrl+9). */

GtkWidget             *rectify_fishbone_view_new                  (void);
void                   rectify_fishbone_view_set_nonconformity    (RectifyFishboneView  *self,
                                                                   RectifyRegister      *reg,
                                                                   RectifyNonconformity *nc);
/* (transfer none) (nullable) */
RectifyFishboneLayout *rectify_fishbone_view_get_layout           (RectifyFishboneView  *self);

/* The selection is either a cause (its id) or a bone (its category index, with cause id 0). */
gint64                 rectify_fishbone_view_get_selected_cause   (RectifyFishboneView  *self);
int                    rectify_fishbone_view_get_selected_category (RectifyFishboneView *self);
void                   rectify_fishbone_view_select_cause         (RectifyFishboneView  *self,
                                                                   gint64                cause_id);
void                   rectify_fishbone_view_select_category      (RectifyFishboneView  *self,
                                                                   int                   category);

/* Adds a cause with empty text: a top-level cause on bone @category (an untranslated name), or
 * a sub-cause of @parent_id when it is not 0. Selects it and, when @edit, starts editing its
 * text (cancelling that edit removes the new cause again). Returns the new id, 0 on failure. */
gint64                 rectify_fishbone_view_add_cause            (RectifyFishboneView  *self,
                                                                   const char           *category,
                                                                   gint64                parent_id,
                                                                   gboolean              edit,
                                                                   GError              **error);
void                   rectify_fishbone_view_edit_selected        (RectifyFishboneView  *self);

double                 rectify_fishbone_view_get_zoom             (RectifyFishboneView  *self);
void                   rectify_fishbone_view_set_zoom             (RectifyFishboneView  *self,
                                                                   double                zoom);
void                   rectify_fishbone_view_zoom_to_fit          (RectifyFishboneView  *self);

/* App-internal helpers, shared with the analysis window, the 5 Whys view and the tests. */

/* The cause with id @cause_id in @reg's causes of @nc, NULL when absent. (transfer full) */
RectifyCause          *_rectify_cause_lookup                      (RectifyRegister      *reg,
                                                                   RectifyNonconformity *nc,
                                                                   gint64                cause_id);
/* Removes @cause and its sub-causes. Returns a snapshot of their fields (parents first) for
 * _rectify_cause_tree_restore(), or NULL with @error set. (transfer full) */
GPtrArray             *_rectify_cause_tree_remove                 (RectifyRegister      *reg,
                                                                   RectifyCause         *cause,
                                                                   GError              **error);
/* Adds the causes of a snapshot again (with new ids, the same fields and the same tree) in one
 * transaction; @new_root_id (optional) gets the new id of the first one. */
gboolean               _rectify_cause_tree_restore                (RectifyRegister      *reg,
                                                                   GPtrArray            *snapshot,
                                                                   gint64               *new_root_id,
                                                                   GError              **error);
/* The next free position among the children of @parent_id (top-level causes of @category when
 * @parent_id is 0). */
int                    _rectify_cause_next_position               (RectifyRegister      *reg,
                                                                   RectifyNonconformity *nc,
                                                                   gint64                parent_id,
                                                                   const char           *category);

/* Does what a click at (@x, @y) in widget coordinates does: selects the cause or bone there. */
void                   _rectify_fishbone_view_select_at           (RectifyFishboneView  *self,
                                                                   double                x,
                                                                   double                y);
/* The centre of a cause's label in widget coordinates. */
gboolean               _rectify_fishbone_view_get_cause_center    (RectifyFishboneView  *self,
                                                                   gint64                cause_id,
                                                                   double               *x,
                                                                   double               *y);
/* Moves @cause_id as a drop at (@x, @y) in widget coordinates would; TRUE when it moved. */
gboolean               _rectify_fishbone_view_drop_at             (RectifyFishboneView  *self,
                                                                   gint64                cause_id,
                                                                   double                x,
                                                                   double                y);
/* What the arrow keys do: @step 1/-1 the next/previous stop in reading order (bones and causes),
 * 2/-2 the next/previous bone. */
void                   _rectify_fishbone_view_move_focus          (RectifyFishboneView  *self,
                                                                   int                   step);
/* The text entry of the in-place editor (for tests). (transfer none) */
/* The centre of bone @category's "+" button, in widget coordinates. */
gboolean               _rectify_fishbone_view_get_plus_center     (RectifyFishboneView  *self,
                                                                   int                   category,
                                                                   double               *x,
                                                                   double               *y);
GtkWidget             *_rectify_fishbone_view_get_editor_entry    (RectifyFishboneView  *self);

G_END_DECLS
