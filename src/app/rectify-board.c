/* rectify-board.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-board"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-board.h"
#include "rectify-board-card.h"
#include "rectify-date.h"
#include "rectify-enums.h"
#include "rectify-workflow.h"

#define COLUMN_WIDTH 280

/* The cards of a large register come in over a few frames. A GTK 4.8 grid view makes a card for
 * up to about 33 items of each column as soon as its model has them (GTK_GRID_VIEW_MAX_VISIBLE_ROWS
 * + 3): seven columns of cards, most of them below the fold or beyond the right edge, took half
 * the time to the board's first frame on 10,000 NCs. So each view first sees what the board
 * shows of its column (the columns on screen, as many cards as fit in its height at CARD_HEIGHT
 * or less, one more), then every frame MORE_CARDS more in every column, and once past what a
 * view keeps alive (ALL_CARDS), the whole column. The counts in the column headers are the
 * whole columns' from the start. */
/* A card with a one-line title and its spacing is about 120 pixels high (Adwaita, default font),
 * with a two-line title about 137: 112 leaves no gap at the bottom of a column whose cards are
 * all short, without making many more cards than show. */
#define CARD_HEIGHT  112
#define FIRST_CARDS   12   /* before the board has a size */
#define MORE_CARDS     4
#define ALL_CARDS     40
#define COLUMN_SPACING 12  /* of columns_box in rectify-board.ui */

typedef struct
{
  RectifyBoard       *board;      /* unowned */
  RectifyStatus       status;
  GtkWidget          *box;
  GtkLabel           *count_label;
  GtkWidget          *empty_label;
  GtkWidget          *scroller;
  GtkWidget          *view;       /* a one-column GtkGridView */
  GtkFilterListModel *model;
  GtkSliceListModel  *shown;      /* the first items of @model, what @view sees (see FIRST_CARDS) */
  guint               n_shown;
  guint               n_items;
} Column;

struct _RectifyBoard
{
  GtkWidget             parent_instance;

  RectifyRegister      *reg;
  gboolean              read_only;   /* the register is open for reading only: no moves */
  gulong                changed_id;
  GListModel           *filter_source;
  GtkFilter            *extra_filter;  /* beside each column's status, see rectify_board_set_filter () */
  char                 *today;
  char                 *last_message;

  Column                columns[RECTIFY_N_STATUSES];

  /* id -> progress text ("" when the NC has no actions); filled in bind, for visible cards only */
  GHashTable           *progress;
  /* the cards bound to an item (a set) */
  GHashTable           *bound_cards;
  guint                 refresh_id;

  /* While the cards come in (see FIRST_CARDS) */
  guint                 fill_tick_id;
  gint64                fill_frame;     /* the frame that showed the first cards */

  /* After a keyboard move: give the focus back to the card in its new column. */
  RectifyNonconformity *focus_nc;
  guint                 focus_tick_id;
  gint64                focus_since;   /* frame time of the move, µs */

  /* Template widgets */
  GtkScrolledWindow    *scroller;
  GtkBox               *columns_box;
};

G_DEFINE_FINAL_TYPE (RectifyBoard, rectify_board, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_NC,
  MOVED,
  MOVE_REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
refresh_today (RectifyBoard *self)
{
  g_free (self->today);
  self->today = rectify_date_today ();
}

/* The progress text of @nc, from the cache or computed once (one query) and cached. */
static const char *
get_progress (RectifyBoard         *self,
              RectifyNonconformity *nc)
{
  gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (nc));
  g_autoptr(GError) error = NULL;
  const char *text;
  guint total = 0;
  guint done = 0;
  char *progress;

  text = g_hash_table_lookup (self->progress, &id);
  if (text != NULL)
    return *text != '\0' ? text : NULL;

  if (self->reg == NULL || id == 0)
    return NULL;

  /* One query per card, without making the actions: the board binds a few hundred cards at
   * once on a large register */
  if (!rectify_register_count_actions_for (self->reg, nc, &total, &done, &error))
    {
      g_debug ("Could not count the actions of %s: %s",
               rectify_nonconformity_get_ref (nc), error->message);
      return NULL;
    }

  if (total == 0)
    progress = g_strdup ("");
  else
    /* Translators: the progress of the corrective actions of an NC, "2/3 actions done" */
    progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u/%u action done",
                                             "%u/%u actions done", total),
                                done, total);

  g_hash_table_insert (self->progress, g_memdup2 (&id, sizeof id), progress);

  return *progress != '\0' ? progress : NULL;
}

static void
update_card (RectifyBoard     *self,
             RectifyBoardCard *card)
{
  RectifyNonconformity *nc = rectify_board_card_get_nonconformity (card);

  if (nc == NULL)
    return;

  rectify_board_card_set_nonconformity (card, nc, self->today, get_progress (self, nc));
}

static void
update_column_count (Column *column)
{
  const char *name = rectify_enum_to_label (RECTIFY_TYPE_STATUS, column->status);
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;

  column->n_items = g_list_model_get_n_items (G_LIST_MODEL (column->model));
  count = g_strdup_printf ("%'u", column->n_items);
  gtk_label_set_text (column->count_label, count);
  gtk_widget_set_visible (column->empty_label, column->n_items == 0);
  gtk_widget_set_visible (column->scroller, column->n_items > 0);

  /* Translators: accessible label of a board column, "Analysis, 4 nonconformities" */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %'u nonconformity",
                                        "%s, %'u nonconformities", column->n_items),
                           name, column->n_items);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GListModel *
get_source (RectifyBoard *self)
{
  if (self->filter_source != NULL)
    return self->filter_source;
  if (self->reg != NULL)
    return rectify_register_get_nonconformities (self->reg);
  return NULL;
}

static void
set_n_shown (Column *column,
             guint   n_shown)
{
  if (column->n_shown == n_shown)
    return;

  column->n_shown = n_shown;
  gtk_slice_list_model_set_size (column->shown, n_shown);
}

static void
stop_fill (RectifyBoard *self)
{
  if (self->fill_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick_id);
  self->fill_tick_id = 0;
}

/* Every column whole, now (a card to scroll to may be further down). */
static void
finish_fill (RectifyBoard *self)
{
  stop_fill (self);
  for (guint i = 0; i < RECTIFY_N_STATUSES; i++)
    set_n_shown (&self->columns[i], G_MAXUINT);
}

static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  RectifyBoard *self = RECTIFY_BOARD (widget);
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);
  gboolean all = TRUE;

  /* The first tick comes before the first frame is drawn: that frame keeps the first cards. */
  if (self->fill_frame < 0)
    {
      self->fill_frame = frame;
      return G_SOURCE_CONTINUE;
    }
  if (frame == self->fill_frame)
    return G_SOURCE_CONTINUE;

  for (guint i = 0; i < RECTIFY_N_STATUSES; i++)
    {
      Column *column = &self->columns[i];

      if (column->n_shown == G_MAXUINT)
        continue;
      if (column->n_shown + MORE_CARDS >= ALL_CARDS)
        set_n_shown (column, G_MAXUINT);
      else
        {
          set_n_shown (column, column->n_shown + MORE_CARDS);
          all = FALSE;
        }
    }

  if (!all)
    return G_SOURCE_CONTINUE;

  self->fill_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* The first cards of each column: those the board shows now. */
static void
start_fill (RectifyBoard *self)
{
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (self->scroller);
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double left = gtk_adjustment_get_value (hadj);
  double right = left + gtk_adjustment_get_page_size (hadj);
  guint n_first = height > 0 ? (guint)(height / CARD_HEIGHT) + 1 : FIRST_CARDS;

  stop_fill (self);
  for (guint i = 0; i < RECTIFY_N_STATUSES; i++)
    {
      double x = i * (COLUMN_WIDTH + COLUMN_SPACING);
      gboolean on_screen = height <= 0 || (x < right && x + COLUMN_WIDTH > left);

      set_n_shown (&self->columns[i], on_screen ? n_first : 0);
    }

  self->fill_frame = -1;
  self->fill_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_tick_cb, NULL, NULL);
}

static void
update_source (RectifyBoard *self)
{
  GListModel *source = get_source (self);

  /* A new set of cards: the first ones first */
  start_fill (self);

  for (guint i = 0; i < RECTIFY_N_STATUSES; i++)
    gtk_filter_list_model_set_model (self->columns[i].model, source);
}

static RectifyBoardCard *
find_bound_card (RectifyBoard         *self,
                 RectifyNonconformity *nc)
{
  GHashTableIter iter;
  gpointer card;

  g_hash_table_iter_init (&iter, self->bound_cards);
  while (g_hash_table_iter_next (&iter, &card, NULL))
    if (rectify_board_card_get_nonconformity (card) == nc)
      return card;

  return NULL;
}

/* The card of the focused row of the board, or NULL. */
static RectifyBoardCard *
get_focused_card (RectifyBoard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus;
  GtkWidget *card;

  if (root == NULL)
    return NULL;

  focus = gtk_root_get_focus (root);
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;

  if (RECTIFY_IS_BOARD_CARD (focus))
    return RECTIFY_BOARD_CARD (focus);

  card = gtk_widget_get_ancestor (focus, RECTIFY_TYPE_BOARD_CARD);
  if (card != NULL)
    return RECTIFY_BOARD_CARD (card);

  /* The focus is on the list row that holds the card. */
  for (card = gtk_widget_get_first_child (focus); card != NULL; card = gtk_widget_get_next_sibling (card))
    if (RECTIFY_IS_BOARD_CARD (card))
      return RECTIFY_BOARD_CARD (card);

  return NULL;
}

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  RectifyBoard *self = RECTIFY_BOARD (widget);
  RectifyBoardCard *card;

  if (self->focus_nc == NULL)
    goto done;

  card = find_bound_card (self, self->focus_nc);
  if (card != NULL && gtk_widget_get_mapped (GTK_WIDGET (card)))
    {
      GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (card));

      gtk_widget_grab_focus (row != NULL ? row : GTK_WIDGET (card));
      goto done;
    }

  /* The new column lays the card out within a few frames; give up after a second (a busy
   * machine can take many frames). */
  if (self->focus_since == 0)
    self->focus_since = gdk_frame_clock_get_frame_time (clock);
  if (gdk_frame_clock_get_frame_time (clock) - self->focus_since < G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;

done:
  g_clear_object (&self->focus_nc);
  self->focus_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* After a keyboard move the row that had the focus is gone: scroll the new column to the card
 * and focus it there. */
static void
follow_card (RectifyBoard         *self,
             RectifyNonconformity *nc)
{
  Column *column = &self->columns[rectify_nonconformity_get_status (nc)];
  GListModel *model = G_LIST_MODEL (column->model);
  guint n_items = g_list_model_get_n_items (model);

  finish_fill (self);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RectifyNonconformity) item = g_list_model_get_item (model, i);

      if (item == nc)
        {
          gtk_widget_activate_action (column->view, "list.scroll-to-item",
                                      "u", i);
          break;
        }
    }

  g_set_object (&self->focus_nc, nc);
  self->focus_since = 0;
  if (self->focus_tick_id == 0)
    self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb,
                                                        NULL, NULL);
}

static RectifyNonconformity *
lookup_nc (RectifyBoard *self,
           GVariant     *parameter)
{
  if (self->reg == NULL || parameter == NULL)
    return NULL;

  return rectify_register_lookup_nonconformity (self->reg, g_variant_get_int64 (parameter));
}

/* The status a "move back" goes to: one step back, or Analysis for a reopening; FALSE from
 * Reported. */
static gboolean
get_previous (RectifyStatus  status,
              RectifyStatus *to)
{
  if (status == RECTIFY_STATUS_REPORTED)
    return FALSE;
  if (status == RECTIFY_STATUS_CLOSED)
    *to = RECTIFY_STATUS_ANALYSIS;
  else
    *to = rectify_workflow_previous (status);
  return TRUE;
}

static void
move_step (RectifyBoard         *self,
           RectifyNonconformity *nc,
           gboolean              forward,
           gboolean              follow)
{
  g_autoptr(RectifyNonconformity) keep = NULL;
  RectifyStatus status;
  RectifyStatus to;
  gboolean had_focus;

  if (nc == NULL)
    return;

  keep = g_object_ref (nc);
  status = rectify_nonconformity_get_status (nc);
  if (forward)
    {
      if (status == RECTIFY_STATUS_CLOSED)
        return;
      to = rectify_workflow_next (status);
    }
  else if (!get_previous (status, &to))
    return;

  had_focus = follow && get_focused_card (self) != NULL;
  if (rectify_board_move (self, nc, to) && had_focus)
    follow_card (self, nc);
}

static void
refresh_done_cb (gpointer data)
{
  RectifyBoard *self = data;

  self->refresh_id = 0;
}

static gboolean
refresh_cards_cb (gpointer data)
{
  RectifyBoard *self = data;
  GHashTableIter iter;
  gpointer card;

  g_hash_table_iter_init (&iter, self->bound_cards);
  while (g_hash_table_iter_next (&iter, &card, NULL))
    update_card (self, card);

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (RectifyBoard *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cards_cb, self,
                                        refresh_done_cb);
}

static void
register_changed_cb (RectifyBoard  *self,
                     RectifyEntity *entity,
                     const char    *property)
{
  if (RECTIFY_IS_NONCONFORMITY (entity))
    {
      gint64 id = rectify_entity_get_id (entity);

      g_hash_table_remove (self->progress, &id);
    }
  else
    {
      /* An action (or its evidence) may count for several NCs: forget every progress. The cache
       * is refilled for the visible cards only. */
      g_hash_table_remove_all (self->progress);
    }

  refresh_today (self);
  schedule_refresh (self);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          RectifyBoard             *self)
{
  gtk_list_item_set_child (item, rectify_board_card_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         RectifyBoard             *self)
{
  RectifyBoardCard *card = RECTIFY_BOARD_CARD (gtk_list_item_get_child (item));
  RectifyNonconformity *nc = gtk_list_item_get_item (item);

  rectify_board_card_set_nonconformity (card, nc, self->today, get_progress (self, nc));
  rectify_board_card_set_read_only (card, self->read_only);
  g_hash_table_add (self->bound_cards, card);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           RectifyBoard             *self)
{
  RectifyBoardCard *card = RECTIFY_BOARD_CARD (gtk_list_item_get_child (item));

  g_hash_table_remove (self->bound_cards, card);
  rectify_board_card_set_nonconformity (card, NULL, NULL, NULL);
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RectifyBoard             *self)
{
  GtkWidget *card = gtk_list_item_get_child (item);

  if (card != NULL)
    g_hash_table_remove (self->bound_cards, card);
}

static void
column_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Column     *column)
{
  if (removed != added)
    update_column_count (column);
}

static void
column_activate_cb (GtkGridView *view,
                    guint        position,
                    Column      *column)
{
  g_autoptr(RectifyNonconformity) nc =
    g_list_model_get_item (G_LIST_MODEL (column->model), position);

  if (nc != NULL)
    g_signal_emit (column->board, signals[ACTIVATE_NC], 0, nc);
}

static gboolean
column_drop_cb (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                Column        *column)
{
  RectifyNonconformity *nc;

  if (!G_VALUE_HOLDS (value, RECTIFY_TYPE_NONCONFORMITY))
    return FALSE;

  nc = g_value_get_object (value);
  if (nc == NULL || rectify_nonconformity_get_status (nc) == column->status ||
      column->board->read_only)
    return FALSE;

  return rectify_board_move (column->board, nc, column->status);
}

static gboolean
filter_by_status (gpointer item,
                  gpointer user_data)
{
  return rectify_nonconformity_get_status (item) == (RectifyStatus)GPOINTER_TO_INT (user_data);
}

static void
build_column (RectifyBoard  *self,
              RectifyStatus  status)
{
  Column *column = &self->columns[status];
  GtkListItemFactory *factory;
  GtkCustomFilter *status_filter;
  GtkEveryFilter *filter;
  GtkDropTarget *drop;
  GtkWidget *header;
  GtkWidget *title;

  column->board = self;
  column->status = status;

  column->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (column->box, COLUMN_WIDTH, -1);
  gtk_widget_add_css_class (column->box, "board-column");
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rectify_enum_to_label (RECTIFY_TYPE_STATUS, status), -1);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "board-column-header");
  title = gtk_label_new (rectify_enum_to_label (RECTIFY_TYPE_STATUS, status));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  column->count_label = GTK_LABEL (gtk_label_new ("0"));
  gtk_widget_add_css_class (GTK_WIDGET (column->count_label), "board-count");
  gtk_widget_add_css_class (GTK_WIDGET (column->count_label), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (column->count_label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (column->count_label));
  gtk_box_append (GTK_BOX (column->box), header);

  /* The column's status first: the board's other filter (the window's) then sees only the NCs
   * of this column. */
  status_filter = gtk_custom_filter_new (filter_by_status, GINT_TO_POINTER (status), NULL);
  filter = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), GTK_FILTER (status_filter));
  column->model = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), self);

  /* A GtkGridView of one column rather than a GtkListView: in GTK 4.8 a list view keeps up to
   * 200 bound rows alive around its anchor (GTK_LIST_VIEW_MAX_LIST_ITEMS), a grid view about 33
   * (GTK_GRID_VIEW_MAX_VISIBLE_ROWS + 3). With seven columns of cards that is the difference
   * between 1,400 cards measured on every layout and about 230 (see tests/bench-board.c). */
  column->n_shown = G_MAXUINT;
  column->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (column->model)), 0,
                                            G_MAXUINT);
  column->view = gtk_grid_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (column->shown)))),
                                    factory);
  gtk_grid_view_set_min_columns (GTK_GRID_VIEW (column->view), 1);
  gtk_grid_view_set_max_columns (GTK_GRID_VIEW (column->view), 1);
  gtk_widget_add_css_class (column->view, "board-list");
  g_signal_connect (column->view, "activate", G_CALLBACK (column_activate_cb), column);

  column->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (column->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (column->scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (column->scroller),
                                 column->view);
  gtk_box_append (GTK_BOX (column->box), column->scroller);

  column->empty_label = gtk_label_new (_("No nonconformities"));
  gtk_widget_set_vexpand (column->empty_label, TRUE);
  gtk_widget_set_valign (column->empty_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (column->empty_label, "dim-label");
  gtk_widget_add_css_class (column->empty_label, "board-empty");
  gtk_box_append (GTK_BOX (column->box), column->empty_label);

  drop = gtk_drop_target_new (RECTIFY_TYPE_NONCONFORMITY, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (column_drop_cb), column);
  gtk_widget_add_controller (column->box, GTK_EVENT_CONTROLLER (drop));

  g_signal_connect (column->model, "items-changed", G_CALLBACK (column_items_changed_cb), column);

  gtk_box_append (self->columns_box, column->box);
  update_column_count (column);
}

/* Left and Right go from column to column (a one-column grid view would take them as "previous
 * item" and "next item"). Captured before the view sees them. */
static gboolean
key_pressed_cb (RectifyBoard          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus;
  int direction;
  int current = -1;

  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    direction = -1;
  else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    direction = 1;
  else
    return FALSE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0 || root == NULL)
    return FALSE;

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    direction = -direction;

  focus = gtk_root_get_focus (root);
  if (focus == NULL)
    return FALSE;

  for (guint i = 0; i < RECTIFY_N_STATUSES; i++)
    if (focus == self->columns[i].view || gtk_widget_is_ancestor (focus, self->columns[i].view))
      current = i;

  /* Only the rows of a column, not a popover menu of one of its cards */
  if (current < 0 || gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
    return FALSE;

  for (int i = current + direction; i >= 0 && i < RECTIFY_N_STATUSES; i += direction)
    if (self->columns[i].n_items > 0)
      {
        gtk_widget_grab_focus (self->columns[i].view);
        break;
      }

  return TRUE;
}

static void
move_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RectifyBoard *self = RECTIFY_BOARD (widget);

  move_step (self, lookup_nc (self, parameter), TRUE, TRUE);
}

static void
move_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RectifyBoard *self = RECTIFY_BOARD (widget);

  move_step (self, lookup_nc (self, parameter), FALSE, TRUE);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RectifyBoard *self = RECTIFY_BOARD (widget);
  RectifyNonconformity *nc = lookup_nc (self, parameter);

  if (nc != NULL)
    g_signal_emit (self, signals[ACTIVATE_NC], 0, nc);
}

static void
focused_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RectifyBoard *self = RECTIFY_BOARD (widget);
  RectifyBoardCard *card = get_focused_card (self);

  if (card == NULL)
    return;

  if (g_str_equal (action_name, "board.focused-move-next"))
    gtk_widget_activate_action (GTK_WIDGET (card), "card.move-next", NULL);
  else if (g_str_equal (action_name, "board.focused-move-previous"))
    gtk_widget_activate_action (GTK_WIDGET (card), "card.move-previous", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (card), "card.menu", NULL);
}

static void
rectify_board_dispose (GObject *object)
{
  RectifyBoard *self = (RectifyBoard *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  stop_fill (self);
  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick_id);
      self->focus_tick_id = 0;
    }
  g_clear_object (&self->focus_nc);

  if (self->reg != NULL)
    g_clear_signal_handler (&self->changed_id, self->reg);

  for (guint i = 0; i < RECTIFY_N_STATUSES; i++)
    if (self->columns[i].model != NULL)
      g_signal_handlers_disconnect_by_data (self->columns[i].model, &self->columns[i]);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_BOARD);

  for (guint i = 0; i < RECTIFY_N_STATUSES; i++)
    {
      g_clear_object (&self->columns[i].shown);
      g_clear_object (&self->columns[i].model);
    }

  g_clear_object (&self->reg);
  g_clear_object (&self->filter_source);
  if (self->extra_filter != NULL)
    g_signal_handlers_disconnect_by_data (self->extra_filter, self);
  g_clear_object (&self->extra_filter);

  G_OBJECT_CLASS (rectify_board_parent_class)->dispose (object);
}

static void
rectify_board_finalize (GObject *object)
{
  RectifyBoard *self = (RectifyBoard *)object;

  g_clear_pointer (&self->progress, g_hash_table_unref);
  g_clear_pointer (&self->bound_cards, g_hash_table_unref);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->last_message, g_free);

  G_OBJECT_CLASS (rectify_board_parent_class)->finalize (object);
}

static void
rectify_board_class_init (RectifyBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GdkDisplay *display = gdk_display_get_default ();

  object_class->dispose = rectify_board_dispose;
  object_class->finalize = rectify_board_finalize;

  /**
   * RectifyBoard::activate-nc:
   * @nc: the nonconformity to open
   */
  signals[ACTIVATE_NC] =
    g_signal_new ("activate-nc", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, RECTIFY_TYPE_NONCONFORMITY);
  /**
   * RectifyBoard::moved:
   * @nc: the nonconformity that moved
   * @from: the RectifyStatus it left
   * @to: the RectifyStatus it is in now
   */
  signals[MOVED] =
    g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3,
                  RECTIFY_TYPE_NONCONFORMITY, G_TYPE_INT, G_TYPE_INT);
  /**
   * RectifyBoard::move-refused:
   * @nc: the nonconformity that did not move
   * @message: what is missing, for people
   * @first_condition: the RectifyWorkflowCondition of the first missing item
   */
  signals[MOVE_REFUSED] =
    g_signal_new ("move-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3,
                  RECTIFY_TYPE_NONCONFORMITY, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-board.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyBoard, scroller);
  gtk_widget_class_bind_template_child (widget_class, RectifyBoard, columns_box);

  gtk_widget_class_install_action (widget_class, "board.move-next", "x", move_next_action);
  gtk_widget_class_install_action (widget_class, "board.move-previous", "x", move_previous_action);
  gtk_widget_class_install_action (widget_class, "board.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "board.focused-move-next", NULL, focused_action);
  gtk_widget_class_install_action (widget_class, "board.focused-move-previous", NULL, focused_action);
  gtk_widget_class_install_action (widget_class, "board.focused-menu", NULL, focused_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "board.focused-move-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_ALT_MASK,
                                       "board.focused-move-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "board.focused-move-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK,
                                       "board.focused-move-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "board.focused-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "board.focused-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "board");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (RECTIFY_TYPE_BOARD_CARD);

  if (display != NULL)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/rectify/Rectify/rectify-board.css");
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
}

static void
rectify_board_init (RectifyBoard *self)
{
  GtkEventController *key;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->progress = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->bound_cards = g_hash_table_new (NULL, NULL);
  refresh_today (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Board"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->columns_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Workflow statuses"), -1);

  for (guint i = 0; i < RECTIFY_N_STATUSES; i++)
    build_column (self, i);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

GtkWidget *
rectify_board_new (void)
{
  return g_object_new (RECTIFY_TYPE_BOARD, NULL);
}

/* A register open for reading only: no move from the keyboard, the menus or a drag. */
static void
set_read_only (RectifyBoard *self,
               gboolean      read_only)
{
  GHashTableIter iter;
  gpointer card;

  self->read_only = read_only;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-next", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-previous", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.focused-move-next", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.focused-move-previous", !read_only);

  g_hash_table_iter_init (&iter, self->bound_cards);
  while (g_hash_table_iter_next (&iter, &card, NULL))
    rectify_board_card_set_read_only (card, read_only);
}

/**
 * rectify_board_set_register:
 * @reg: (nullable): the register
 */
void
rectify_board_set_register (RectifyBoard    *self,
                            RectifyRegister *reg)
{
  g_return_if_fail (RECTIFY_IS_BOARD (self));
  g_return_if_fail (reg == NULL || RECTIFY_IS_REGISTER (reg));

  if (self->reg == reg)
    return;

  if (self->reg != NULL)
    g_clear_signal_handler (&self->changed_id, self->reg);

  g_set_object (&self->reg, reg);
  g_hash_table_remove_all (self->progress);
  refresh_today (self);
  set_read_only (self, reg != NULL && rectify_register_is_read_only (reg));

  if (reg != NULL)
    self->changed_id = g_signal_connect_object (reg, "changed", G_CALLBACK (register_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  update_source (self);
}

RectifyRegister *
rectify_board_get_register (RectifyBoard *self)
{
  g_return_val_if_fail (RECTIFY_IS_BOARD (self), NULL);

  return self->reg;
}

/**
 * rectify_board_set_filter_model:
 * @model: (nullable): a list of RectifyNonconformity, or NULL for all NCs of the register
 */
void
rectify_board_set_filter_model (RectifyBoard *self,
                                GListModel   *model)
{
  g_return_if_fail (RECTIFY_IS_BOARD (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (!g_set_object (&self->filter_source, model))
    return;

  update_source (self);
}

static void
extra_filter_changed_cb (RectifyBoard *self)
{
  /* Another set of cards: the first ones first (this runs before the columns refilter) */
  start_fill (self);
}

/**
 * rectify_board_set_filter:
 * @filter: (nullable): a filter of RectifyNonconformity, applied to the NCs of the source
 *   model (rectify_board_set_filter_model ()) with each column's status
 *
 * With the window's sorted NCs as the source and its filter here, the board shows what the
 * register view shows. Cheaper than a source that is itself a filtered model: a column reads
 * each NC of its source, and an item of a GtkFilterListModel costs a search of its bitset.
 */
void
rectify_board_set_filter (RectifyBoard *self,
                          GtkFilter    *filter)
{
  g_return_if_fail (RECTIFY_IS_BOARD (self));
  g_return_if_fail (filter == NULL || GTK_IS_FILTER (filter));

  if (filter == self->extra_filter)
    return;

  if (self->extra_filter != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->extra_filter, self);
      for (guint i = 0; i < RECTIFY_N_STATUSES; i++)
        {
          GtkFilter *every = gtk_filter_list_model_get_filter (self->columns[i].model);

          gtk_multi_filter_remove (GTK_MULTI_FILTER (every), 1);
        }
    }
  g_set_object (&self->extra_filter, filter);

  start_fill (self);
  if (filter == NULL)
    return;

  /* Before the columns' own handlers, so that their refilter meets the first cards only */
  g_signal_connect_object (filter, "changed", G_CALLBACK (extra_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < RECTIFY_N_STATUSES; i++)
    {
      GtkFilter *every = gtk_filter_list_model_get_filter (self->columns[i].model);

      gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (filter));
    }
}

GListModel *
rectify_board_get_column_model (RectifyBoard  *self,
                                RectifyStatus  status)
{
  g_return_val_if_fail (RECTIFY_IS_BOARD (self), NULL);
  g_return_val_if_fail (status < RECTIFY_N_STATUSES, NULL);

  return G_LIST_MODEL (self->columns[status].model);
}

GtkWidget *
rectify_board_get_column_view (RectifyBoard  *self,
                               RectifyStatus  status)
{
  g_return_val_if_fail (RECTIFY_IS_BOARD (self), NULL);
  g_return_val_if_fail (status < RECTIFY_N_STATUSES, NULL);

  return self->columns[status].view;
}

/**
 * rectify_board_move:
 *
 * Moves @nc to @to through the workflow rules of the register. Emits "moved" when it moved and
 * "move-refused" when it did not.
 *
 * Returns: TRUE when @nc moved
 */
gboolean
rectify_board_move (RectifyBoard         *self,
                    RectifyNonconformity *nc,
                    RectifyStatus         to)
{
  g_autoptr(RectifyNonconformity) keep = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  RectifyStatus from;
  const char *to_label;

  g_return_val_if_fail (RECTIFY_IS_BOARD (self), FALSE);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), FALSE);
  g_return_val_if_fail (to < RECTIFY_N_STATUSES, FALSE);

  if (self->reg == NULL || self->read_only)
    return FALSE;

  keep = g_object_ref (nc);
  from = rectify_nonconformity_get_status (nc);
  to_label = rectify_enum_to_label (RECTIFY_TYPE_STATUS, to);

  if (!rectify_register_move (self->reg, nc, to, &missing, &error))
    {
      int first = rectify_workflow_first_condition (missing);

      const char *reason = error->message;
      guint n_more = 0;

      /* One line, for a toast: the first missing item, and how many more there are. */
      if (missing != NULL && missing->len > 0)
        {
          const RectifyWorkflowMissing *item = g_ptr_array_index (missing, 0);

          reason = item->message;
          n_more = missing->len - 1;
        }

      g_free (self->last_message);
      if (n_more > 0)
        /* Translators: "NC-004 cannot move to Analysis: The statement is empty (and 2 more)" */
        self->last_message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%s cannot move to %s: %s (and %'u more)",
                                                           "%s cannot move to %s: %s (and %'u more)",
                                                           n_more),
                                              rectify_nonconformity_get_ref (nc), to_label,
                                              reason, n_more);
      else
        /* Translators: "NC-004 cannot move to Analysis: The statement is empty" */
        self->last_message = g_strdup_printf (_("%s cannot move to %s: %s"),
                                              rectify_nonconformity_get_ref (nc), to_label,
                                              reason);
      if (!g_error_matches (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_REFUSED))
        g_warning ("Could not move %s: %s", rectify_nonconformity_get_ref (nc), error->message);

      g_signal_emit (self, signals[MOVE_REFUSED], 0, nc, self->last_message, first);
      return FALSE;
    }

  g_free (self->last_message);
  /* Translators: "NC-004 moved to Analysis" */
  self->last_message = g_strdup_printf (_("%s moved to %s"),
                                        rectify_nonconformity_get_ref (nc), to_label);
  g_signal_emit (self, signals[MOVED], 0, nc, (int)from, (int)to);

  return TRUE;
}

const char *
rectify_board_get_last_message (RectifyBoard *self)
{
  g_return_val_if_fail (RECTIFY_IS_BOARD (self), NULL);

  return self->last_message;
}
