/* rectify-five-whys.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_FIVE_WHYS (rectify_five_whys_get_type ())

G_DECLARE_FINAL_TYPE (RectifyFiveWhys, rectify_five_whys, RECTIFY, FIVE_WHYS, GtkWidget)

/* The 5 Whys of one NC: one chain per top-level cause, its "why?" answers (sub-causes, depth
 * first) numbered "Why 1 … Why n". It edits the same causes as the fishbone.
 *
 * Signals:
 *   "cause-removed" (GPtrArray *removed)  as RectifyFishboneView's
 *   "error" (const char *message) */

GtkWidget *rectify_five_whys_new             (void);
void       rectify_five_whys_set_nonconformity (RectifyFiveWhys      *self,
                                              RectifyRegister      *reg,
                                              RectifyNonconformity *nc);

/* The number of chains shown, and of whys in chain @index (for tests). */
guint      _rectify_five_whys_get_n_chains   (RectifyFiveWhys      *self);
guint      _rectify_five_whys_get_n_whys     (RectifyFiveWhys      *self,
                                              guint                 chain);
/* Adds a why below the last why of chain @chain (as the add button does); returns its id. */
gint64     _rectify_five_whys_add_why        (RectifyFiveWhys      *self,
                                              guint                 chain,
                                              const char           *text,
                                              GError              **error);

/* Swaps why @index of chain @chain with the one above (@dir -1) or below (@dir 1), as the move
 * buttons do. */
void       _rectify_five_whys_move_why       (RectifyFiveWhys      *self,
                                              guint                 chain,
                                              guint                 index,
                                              int                   dir);

G_END_DECLS
