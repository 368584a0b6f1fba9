/* rectify-board.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_BOARD (rectify_board_get_type ())

G_DECLARE_FINAL_TYPE (RectifyBoard, rectify_board, RECTIFY, BOARD, GtkWidget)

/* The Kanban board: one column per workflow status, each a recycling list (a one-column
 * GtkGridView) over the NCs of that
 * status in the board's model.
 *
 * Signals:
 *   "activate-nc"  (RectifyNonconformity *nc)
 *       a card was activated (Enter, double click, "Open" in its menu): open the editor.
 *   "moved"        (RectifyNonconformity *nc, int from, int to)
 *       a move (drag and drop, menu, Alt+Right/Alt+Left) was written; the caller may offer
 *       rectify_register_undo() in a toast.
 *   "move-refused" (RectifyNonconformity *nc, const char *message, int first_condition)
 *       a move was refused by a workflow rule (or failed); @message says what is missing,
 *       @first_condition is the RectifyWorkflowCondition of the first missing item.
 *
 * Keyboard on a focused card (for the help overlay):
 *   Alt+Right   move to the next status
 *   Alt+Left    move back to the previous status (a closed NC is reopened to Analysis)
 *   Enter       open
 *   Menu, Shift+F10   the card's menu (also right click and long press)
 *   Left, Right the previous / next column; Up, Down the cards of a column; Tab leaves the board
 */

GtkWidget            *rectify_board_new                (void);
void                  rectify_board_set_register       (RectifyBoard         *self,
                                                        RectifyRegister      *reg);
RectifyRegister      *rectify_board_get_register       (RectifyBoard         *self);
/* The board shows the NCs of @model (the window passes its sorted NCs, so the cards are in the
 * table's order); NULL: all NCs of the register. */
void                  rectify_board_set_filter_model   (RectifyBoard         *self,
                                                        GListModel           *model);
/* Only the NCs of the model that @filter lets through (NULL: all). The window passes its sorted
 * NCs as the model and its filter here. */
void                  rectify_board_set_filter         (RectifyBoard         *self,
                                                        GtkFilter            *filter);
/* The NCs shown in the column of @status (transfer none). */
GListModel           *rectify_board_get_column_model   (RectifyBoard         *self,
                                                        RectifyStatus         status);
/* The view of the column of @status (transfer none; a GtkGridView of one column, a
 * GtkScrollable with the "list.scroll-to-item" action), for scrolling and tests. */
GtkWidget            *rectify_board_get_column_view    (RectifyBoard         *self,
                                                        RectifyStatus         status);
/* Moves @nc to @to through rectify_register_move(), emitting "moved" or "move-refused".
 * Returns TRUE when it moved. */
gboolean              rectify_board_move               (RectifyBoard         *self,
                                                        RectifyNonconformity *nc,
                                                        RectifyStatus         to);
/* The message of the last move ("NC-004 moved to Analysis", or the refusal), or NULL. */
const char           *rectify_board_get_last_message   (RectifyBoard         *self);

G_END_DECLS
