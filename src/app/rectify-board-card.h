/* rectify-board-card.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rectify-nonconformity.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_BOARD_CARD (rectify_board_card_get_type ())

G_DECLARE_FINAL_TYPE (RectifyBoardCard, rectify_board_card, RECTIFY, BOARD_CARD, GtkWidget)

/* One card of the board. It shows an NC and offers the actions "card.move-next",
 * "card.move-previous", "card.open" and "card.menu", which forward to the board's
 * "board.move-next", "board.move-previous" and "board.open" (parameter: the NC id). */

GtkWidget            *rectify_board_card_new             (void);
/* Shows @nc (nullable: clears). @today is "YYYY-MM-DD"; @progress the action progress text
 * ("2/3 actions done"), NULL when it has no actions. */
void                  rectify_board_card_set_nonconformity (RectifyBoardCard     *self,
                                                          RectifyNonconformity *nc,
                                                          const char           *today,
                                                          const char           *progress);
RectifyNonconformity *rectify_board_card_get_nonconformity (RectifyBoardCard     *self);
/* No moves (a register open for reading only): the card's moves are disabled and it cannot be
 * dragged. */
void                  rectify_board_card_set_read_only   (RectifyBoardCard     *self,
                                                          gboolean              read_only);

/* Pure helpers, shared with the tests. Newly allocated, translated. */
char                 *rectify_board_format_due           (RectifyNonconformity *nc,
                                                          const char           *today);
char                 *rectify_board_format_age           (RectifyNonconformity *nc,
                                                          const char           *today);
char                 *rectify_board_card_describe        (RectifyNonconformity *nc,
                                                          const char           *today);

G_END_DECLS
