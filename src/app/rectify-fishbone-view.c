/* rectify-fishbone-view.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-fishbone-view"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rectify-fishbone-view.h"

#define ZOOM_MIN    0.25
#define ZOOM_MAX    4.0
#define ZOOM_STEP   1.2
#define PLUS_RADIUS 10.0
#define PLUS_GAP    6.0
#define DRAG_THRESHOLD 8.0
/* How far (layout units) from a bone's causes a drop still lands on that bone. */
#define DROP_REACH  80.0

/* One stop of the keyboard focus: a bone (cause_id 0) or a cause on it. */
typedef struct
{
  int    category;
  gint64 cause_id;
} FocusItem;

struct _RectifyFishboneView
{
  GtkWidget              parent_instance;

  RectifyRegister       *reg;
  RectifyNonconformity  *nc;
  RectifyFishboneLayout *layout;
  GArray                *focus_items;   /* FocusItem, reading order */
  RectifyFishboneStyle   style;

  gint64                 selected_id;
  int                    selected_category;

  double                 zoom;
  double                 offset_x;
  double                 offset_y;
  gboolean               auto_fit;      /* fit to the window until the user zooms */
  int                    fit_width;     /* the scroller size of the last fit */
  int                    fit_height;
  guint                  fit_idle_id;
  guint                  scroll_idle_id; /* keeps the selection in sight after a zoom */

  /* In-place editing */
  GtkWidget             *popover;
  GtkWidget             *entry;
  gint64                 editing_id;
  gboolean               editing_new;
  gboolean               editing_committed;

  /* Dragging a cause */
  gint64                 drag_id;
  gboolean               dragging;
  double                 drag_start_x;
  double                 drag_start_y;
  double                 drag_x;
  double                 drag_y;

  int                    pressed_plus;  /* the bone whose "+" was pressed, -1 for none */

  /* Panning with the middle button */
  double                 pan_h;
  double                 pan_v;
};

G_DEFINE_FINAL_TYPE (RectifyFishboneView, rectify_fishbone_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  LAYOUT_CHANGED,
  CAUSE_REMOVED,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers: causes in the register ------------------------------------------------------------ */

RectifyCause *
_rectify_cause_lookup (RectifyRegister      *reg,
                       RectifyNonconformity *nc,
                       gint64                cause_id)
{
  g_autoptr(GListModel) causes = NULL;
  guint n;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  if (cause_id == 0)
    return NULL;

  causes = rectify_register_list_causes (reg, nc);
  n = g_list_model_get_n_items (causes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);

      if (rectify_entity_get_id (RECTIFY_ENTITY (cause)) == cause_id)
        return g_steal_pointer (&cause);
    }

  return NULL;
}

static void
collect_subtree (GListModel *causes,
                 gint64      parent_id,
                 GPtrArray  *out)
{
  guint n = g_list_model_get_n_items (causes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);
      gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (cause));

      if (rectify_cause_get_parent_id (cause) != parent_id)
        continue;

      g_ptr_array_add (out, g_object_ref (cause));
      collect_subtree (causes, id, out);
    }
}

static RectifyCause *
copy_cause (RectifyCause *cause,
            gint64        parent_id)
{
  RectifyCause *copy = rectify_cause_new ();

  g_object_set (copy,
                "nc-id", rectify_cause_get_nc_id (cause),
                "parent-id", parent_id,
                "category", rectify_cause_get_category (cause),
                "text", rectify_cause_get_text (cause),
                "position", rectify_cause_get_position (cause),
                "is-root", rectify_cause_get_is_root (cause),
                NULL);

  return copy;
}

GPtrArray *
_rectify_cause_tree_remove (RectifyRegister  *reg,
                            RectifyCause     *cause,
                            GError          **error)
{
  g_autoptr(GPtrArray) snapshot = NULL;
  g_autoptr(GPtrArray) tree = NULL;
  g_autoptr(GListModel) causes = NULL;
  RectifyNonconformity *nc;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (RECTIFY_IS_CAUSE (cause), NULL);

  nc = rectify_register_lookup_nonconformity (reg, rectify_cause_get_nc_id (cause));
  g_return_val_if_fail (nc != NULL, NULL);

  tree = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (tree, g_object_ref (cause));
  causes = rectify_register_list_causes (reg, nc);
  collect_subtree (causes, rectify_entity_get_id (RECTIFY_ENTITY (cause)), tree);

  /* The snapshot keeps the old ids, so that restoring can map each parent-id to the new id. */
  snapshot = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < tree->len; i++)
    {
      RectifyCause *c = g_ptr_array_index (tree, i);
      RectifyCause *copy = copy_cause (c, rectify_cause_get_parent_id (c));

      rectify_entity_set_id (RECTIFY_ENTITY (copy), rectify_entity_get_id (RECTIFY_ENTITY (c)));
      g_ptr_array_add (snapshot, copy);
    }

  if (!rectify_register_remove (reg, RECTIFY_ENTITY (cause), error))
    return NULL;

  return g_steal_pointer (&snapshot);
}

gboolean
_rectify_cause_tree_restore (RectifyRegister  *reg,
                             GPtrArray        *snapshot,
                             gint64           *new_root_id,
                             GError          **error)
{
  g_autoptr(GHashTable) ids = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (snapshot != NULL && snapshot->len > 0, FALSE);

  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!rectify_register_begin (reg, error))
    return FALSE;

  for (guint i = 0; i < snapshot->len; i++)
    {
      RectifyCause *old = g_ptr_array_index (snapshot, i);
      gint64 parent_id = rectify_cause_get_parent_id (old);
      gint64 *mapped = g_hash_table_lookup (ids, &parent_id);
      g_autoptr(RectifyCause) copy = copy_cause (old, mapped != NULL ? *mapped : parent_id);

      if (!rectify_register_add (reg, RECTIFY_ENTITY (copy), error))
        {
          rectify_register_rollback (reg);
          return FALSE;
        }

      g_hash_table_insert (ids,
                           g_memdup2 (&(gint64) { rectify_entity_get_id (RECTIFY_ENTITY (old)) },
                                      sizeof (gint64)),
                           g_memdup2 (&(gint64) { rectify_entity_get_id (RECTIFY_ENTITY (copy)) },
                                      sizeof (gint64)));
      if (i == 0 && new_root_id != NULL)
        *new_root_id = rectify_entity_get_id (RECTIFY_ENTITY (copy));
    }

  return rectify_register_commit (reg, error);
}

int
_rectify_cause_next_position (RectifyRegister      *reg,
                              RectifyNonconformity *nc,
                              gint64                parent_id,
                              const char           *category)
{
  g_autoptr(GListModel) causes = rectify_register_list_causes (reg, nc);
  guint n = g_list_model_get_n_items (causes);
  int next = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);

      if (rectify_cause_get_parent_id (cause) != parent_id)
        continue;
      if (parent_id == 0 && g_strcmp0 (rectify_cause_get_category (cause), category) != 0)
        continue;
      next = MAX (next, rectify_cause_get_position (cause) + 1);
    }

  return next;
}

/* Helpers: geometry -------------------------------------------------------------------------- */

static void
to_layout (RectifyFishboneView *self,
           double               x,
           double               y,
           double              *lx,
           double              *ly)
{
  *lx = (x - self->offset_x) / self->zoom;
  *ly = (y - self->offset_y) / self->zoom;
}

static void
rect_to_widget (RectifyFishboneView     *self,
                const cairo_rectangle_t *r,
                GdkRectangle            *out)
{
  out->x = (int) floor (self->offset_x + r->x * self->zoom);
  out->y = (int) floor (self->offset_y + r->y * self->zoom);
  out->width = (int) ceil (r->width * self->zoom);
  out->height = (int) ceil (r->height * self->zoom);
}

/* The "+" button of bone @category, in layout units. */
static gboolean
get_plus_center (RectifyFishboneView *self,
                 int                  category,
                 double              *cx,
                 double              *cy)
{
  cairo_rectangle_t r;

  if (self->layout == NULL ||
      !rectify_fishbone_layout_get_category_rect (self->layout, category, &r))
    return FALSE;

  *cx = r.x + r.width + PLUS_GAP + PLUS_RADIUS;
  *cy = r.y + r.height / 2;
  return TRUE;
}

/* A register open for reading only: the diagram is shown, zoomed and exported, never changed
 * (no "+" on the bones, no editing in place, no dragging of causes, no editing actions). */
static gboolean
is_read_only (RectifyFishboneView *self)
{
  return self->reg != NULL && rectify_register_is_read_only (self->reg);
}

static int
plus_at (RectifyFishboneView *self,
         double               lx,
         double               ly)
{
  guint n;

  if (self->layout == NULL || is_read_only (self))
    return -1;

  n = rectify_fishbone_layout_get_n_categories (self->layout);
  for (guint i = 0; i < n; i++)
    {
      double cx, cy;

      if (get_plus_center (self, i, &cx, &cy) &&
          (lx - cx) * (lx - cx) + (ly - cy) * (ly - cy) <= (PLUS_RADIUS + 2) * (PLUS_RADIUS + 2))
        return i;
    }

  return -1;
}

static void
rect_union (cairo_rectangle_t       *acc,
            const cairo_rectangle_t *r)
{
  double x0 = MIN (acc->x, r->x);
  double y0 = MIN (acc->y, r->y);
  double x1 = MAX (acc->x + acc->width, r->x + r->width);
  double y1 = MAX (acc->y + acc->height, r->y + r->height);

  acc->x = x0;
  acc->y = y0;
  acc->width = x1 - x0;
  acc->height = y1 - y0;
}

static double
rect_distance (const cairo_rectangle_t *r,
               double                   x,
               double                   y)
{
  double dx = MAX (MAX (r->x - x, 0), x - (r->x + r->width));
  double dy = MAX (MAX (r->y - y, 0), y - (r->y + r->height));

  return sqrt (dx * dx + dy * dy);
}

/* The bone a point belongs to: its label, a cause on it, or the area around them. */
static int
bone_near (RectifyFishboneView *self,
           double               lx,
           double               ly)
{
  guint n_cat = rectify_fishbone_layout_get_n_categories (self->layout);
  guint n_causes = rectify_fishbone_layout_get_n_causes (self->layout);
  double best = DROP_REACH;
  int best_cat = -1;

  for (guint c = 0; c < n_cat; c++)
    {
      cairo_rectangle_t box;
      double d;

      if (!rectify_fishbone_layout_get_category_rect (self->layout, c, &box))
        continue;

      for (guint i = 0; i < n_causes; i++)
        {
          gint64 id = rectify_fishbone_layout_get_cause_id (self->layout, i);
          cairo_rectangle_t r;

          if (rectify_fishbone_layout_get_cause_category (self->layout, id) == (int) c &&
              rectify_fishbone_layout_get_cause_rect (self->layout, id, &r))
            rect_union (&box, &r);
        }

      d = rect_distance (&box, lx, ly);
      if (d < best)
        {
          best = d;
          best_cat = c;
        }
    }

  return best_cat;
}

static void
rebuild_focus_items (RectifyFishboneView *self)
{
  guint n_cat, n_causes;

  g_array_set_size (self->focus_items, 0);
  if (self->layout == NULL)
    return;

  n_cat = rectify_fishbone_layout_get_n_categories (self->layout);
  n_causes = rectify_fishbone_layout_get_n_causes (self->layout);
  for (guint c = 0; c < n_cat; c++)
    {
      FocusItem bone = { c, 0 };

      g_array_append_val (self->focus_items, bone);
      for (guint i = 0; i < n_causes; i++)
        {
          FocusItem item = { c, rectify_fishbone_layout_get_cause_id (self->layout, i) };

          if (rectify_fishbone_layout_get_cause_category (self->layout, item.cause_id) == (int) c)
            g_array_append_val (self->focus_items, item);
        }
    }
}

static int
focus_index (RectifyFishboneView *self)
{
  for (guint i = 0; i < self->focus_items->len; i++)
    {
      const FocusItem *item = &g_array_index (self->focus_items, FocusItem, i);

      if (self->selected_id != 0 ? item->cause_id == self->selected_id
                                 : (item->cause_id == 0 && item->category == self->selected_category))
        return i;
    }

  return -1;
}

static const char *
category_name (RectifyFishboneView *self,
               int                  category)
{
  if (self->layout == NULL || category < 0 ||
      category >= (int) rectify_fishbone_layout_get_n_categories (self->layout))
    return NULL;

  return rectify_fishbone_layout_get_category (self->layout, category);
}

static void
update_accessible (RectifyFishboneView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  const char *ref = self->nc != NULL ? rectify_nonconformity_get_ref (self->nc) : NULL;

  /* Translators: %s is an NC reference such as NC-012 */
  label = g_strdup_printf (_("Fishbone diagram of %s"), ref != NULL ? ref : "");

  if (self->selected_id != 0 && self->reg != NULL && self->nc != NULL)
    {
      g_autoptr(RectifyCause) cause = _rectify_cause_lookup (self->reg, self->nc,
                                                             self->selected_id);
      int cat = rectify_fishbone_layout_get_cause_category (self->layout, self->selected_id);
      const char *bone = rectify_fishbone_category_label (category_name (self, cat));

      if (cause != NULL && rectify_cause_get_is_root (cause))
        /* Translators: the selected cause of a fishbone diagram: its text, its bone */
        description = g_strdup_printf (_("Selected: %s, bone %s, root cause"),
                                       rectify_cause_get_text (cause), bone);
      else if (cause != NULL)
        description = g_strdup_printf (_("Selected: %s, bone %s"),
                                       rectify_cause_get_text (cause), bone);
    }
  else if (self->selected_category >= 0)
    {
      /* Translators: %s is a fishbone bone (category), such as People */
      description = g_strdup_printf (_("Selected: bone %s"),
                                     rectify_fishbone_category_label (
                                       category_name (self, self->selected_category)));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("Nothing selected"),
                                  -1);
}

static void
update_actions (RectifyFishboneView *self)
{
  gboolean can_change = !is_read_only (self);
  gboolean has_cause = self->selected_id != 0 && can_change;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fishbone.add-cause",
                                 self->layout != NULL && can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fishbone.add-cause-to",
                                 self->layout != NULL && can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fishbone.add-why", has_cause);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fishbone.edit", has_cause);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fishbone.remove", has_cause);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fishbone.toggle-root", has_cause);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fishbone.move-cause", has_cause);
}

static void
selection_changed (RectifyFishboneView *self)
{
  update_accessible (self);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
set_selection (RectifyFishboneView *self,
               gint64               cause_id,
               int                  category)
{
  if (cause_id != 0 && self->layout != NULL)
    category = rectify_fishbone_layout_get_cause_category (self->layout, cause_id);

  if (self->selected_id == cause_id && self->selected_category == category)
    return;

  self->selected_id = cause_id;
  self->selected_category = category;
  selection_changed (self);
}

static void
scroll_to_selection (RectifyFishboneView *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  cairo_rectangle_t r;
  GdkRectangle w;
  GtkAdjustment *adj;
  double value;

  if (scroller == NULL || self->layout == NULL)
    return;

  if (self->selected_id != 0)
    {
      if (!rectify_fishbone_layout_get_cause_rect (self->layout, self->selected_id, &r))
        return;
    }
  else if (self->selected_category < 0 ||
           !rectify_fishbone_layout_get_category_rect (self->layout, self->selected_category, &r))
    return;

  rect_to_widget (self, &r, &w);

  adj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adj);
  if (w.x < value)
    gtk_adjustment_set_value (adj, w.x - 24);
  else if (w.x + w.width > value + gtk_adjustment_get_page_size (adj))
    gtk_adjustment_set_value (adj, w.x + w.width + 24 - gtk_adjustment_get_page_size (adj));

  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adj);
  if (w.y < value)
    gtk_adjustment_set_value (adj, w.y - 24);
  else if (w.y + w.height > value + gtk_adjustment_get_page_size (adj))
    gtk_adjustment_set_value (adj, w.y + w.height + 24 - gtk_adjustment_get_page_size (adj));
}

static void
report_error (RectifyFishboneView *self,
              const GError        *error)
{
  g_warning ("%s", error->message);
  g_signal_emit (self, signals[ERROR], 0, error->message);
}

static void
relayout (RectifyFishboneView *self)
{
  g_clear_pointer (&self->layout, rectify_fishbone_layout_unref);

  if (self->reg != NULL && self->nc != NULL)
    self->layout = rectify_fishbone_layout_new_for_nc (self->reg, self->nc, NULL, 1.0);

  rebuild_focus_items (self);

  /* Keep the selection when its cause is still there; else keep its bone. */
  if (self->selected_id != 0 &&
      (self->layout == NULL ||
       rectify_fishbone_layout_get_cause_category (self->layout, self->selected_id) < 0))
    {
      self->selected_id = 0;
      if (self->layout == NULL ||
          self->selected_category >= (int) rectify_fishbone_layout_get_n_categories (self->layout))
        self->selected_category = -1;
    }
  else if (self->selected_id != 0)
    self->selected_category = rectify_fishbone_layout_get_cause_category (self->layout,
                                                                         self->selected_id);

  /* A fitted diagram stays fitted as it grows or shrinks. */
  if (self->auto_fit)
    self->fit_width = self->fit_height = 0;

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_signal_emit (self, signals[LAYOUT_CHANGED], 0);
  selection_changed (self);
}

static void
update_style (RectifyFishboneView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_dark (manager))
    self->style = *rectify_fishbone_style_dark ();
  else
    self->style = *rectify_fishbone_style_light ();

  /* High contrast: every line and border in the text colour, not in softer greys */
  if (adw_style_manager_get_high_contrast (manager))
    {
      self->style.spine = self->style.foreground;
      self->style.bone = self->style.foreground;
      self->style.rib = self->style.foreground;
      self->style.category_border = self->style.foreground;
      self->style.head_border = self->style.foreground;
      self->style.root_border = self->style.root_text;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Editing ----------------------------------------------------------------------------------- */

static void
start_editing (RectifyFishboneView *self,
               gint64               cause_id,
               gboolean             is_new)
{
  g_autoptr(RectifyCause) cause = NULL;
  cairo_rectangle_t r;
  GdkRectangle w;

  if (self->layout == NULL || is_read_only (self) ||
      !rectify_fishbone_layout_get_cause_rect (self->layout, cause_id, &r))
    return;

  cause = _rectify_cause_lookup (self->reg, self->nc, cause_id);
  if (cause == NULL)
    return;

  self->editing_id = cause_id;
  self->editing_new = is_new;
  self->editing_committed = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->entry),
                         rectify_cause_get_text (cause) != NULL ? rectify_cause_get_text (cause)
                                                                : "");
  rect_to_widget (self, &r, &w);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &w);
  scroll_to_selection (self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

static void
remove_silently (RectifyFishboneView *self,
                 gint64               cause_id)
{
  g_autoptr(RectifyCause) cause = _rectify_cause_lookup (self->reg, self->nc, cause_id);
  g_autoptr(GError) error = NULL;

  if (cause != NULL && !rectify_register_remove (self->reg, RECTIFY_ENTITY (cause), &error))
    report_error (self, error);
}

static void
entry_activate_cb (RectifyFishboneView *self)
{
  g_autoptr(RectifyCause) cause = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->editing_id == 0)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  cause = _rectify_cause_lookup (self->reg, self->nc, self->editing_id);
  self->editing_committed = TRUE;

  if (cause != NULL && *text != '\0' &&
      g_strcmp0 (text, rectify_cause_get_text (cause)) != 0 &&
      !rectify_register_update_string (self->reg, RECTIFY_ENTITY (cause), "text", text, &error))
    report_error (self, error);

  /* An empty new cause is dropped: it was never said. */
  if (cause != NULL && *text == '\0' && self->editing_new)
    self->editing_committed = FALSE;

  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
popover_closed_cb (RectifyFishboneView *self)
{
  gint64 id = self->editing_id;
  gboolean drop = self->editing_new && !self->editing_committed;

  self->editing_id = 0;
  self->editing_new = FALSE;

  if (drop)
    remove_silently (self, id);

  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Changes ----------------------------------------------------------------------------------- */

gint64
rectify_fishbone_view_add_cause (RectifyFishboneView  *self,
                                 const char           *category,
                                 gint64                parent_id,
                                 gboolean              edit,
                                 GError              **error)
{
  g_autoptr(RectifyCause) cause = NULL;
  g_autoptr(RectifyCause) parent = NULL;
  gint64 id;

  g_return_val_if_fail (RECTIFY_IS_FISHBONE_VIEW (self), 0);
  g_return_val_if_fail (self->reg != NULL && self->nc != NULL, 0);

  if (parent_id != 0)
    {
      parent = _rectify_cause_lookup (self->reg, self->nc, parent_id);
      if (parent == NULL)
        {
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                       _("The cause no longer exists"));
          return 0;
        }
      category = rectify_cause_get_category (parent);
    }

  cause = rectify_cause_new ();
  g_object_set (cause,
                "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (self->nc)),
                "parent-id", parent_id,
                "category", category,
                "text", "",
                "position", _rectify_cause_next_position (self->reg, self->nc, parent_id, category),
                NULL);

  if (!rectify_register_add (self->reg, RECTIFY_ENTITY (cause), error))
    return 0;

  id = rectify_entity_get_id (RECTIFY_ENTITY (cause));

  /* The "changed" signal has laid the diagram out again unless inside a transaction. */
  if (self->layout == NULL || rectify_fishbone_layout_get_cause_category (self->layout, id) < 0)
    relayout (self);

  set_selection (self, id, -1);
  if (edit)
    start_editing (self, id, TRUE);

  return id;
}

static void
remove_selected (RectifyFishboneView *self)
{
  g_autoptr(RectifyCause) cause = NULL;
  g_autoptr(GPtrArray) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  int index = focus_index (self);

  cause = _rectify_cause_lookup (self->reg, self->nc, self->selected_id);
  if (cause == NULL)
    return;

  snapshot = _rectify_cause_tree_remove (self->reg, cause, &error);
  if (snapshot == NULL)
    {
      report_error (self, error);
      return;
    }

  /* Select what came before the removed cause in reading order. */
  if (self->layout != NULL &&
      rectify_fishbone_layout_get_cause_category (self->layout, self->selected_id) >= 0)
    relayout (self);
  if (index > 0 && (guint) index - 1 < self->focus_items->len)
    {
      const FocusItem *item = &g_array_index (self->focus_items, FocusItem, index - 1);

      set_selection (self, item->cause_id, item->category);
    }

  g_signal_emit (self, signals[CAUSE_REMOVED], 0, snapshot);
}

static void
toggle_root (RectifyFishboneView *self)
{
  g_autoptr(RectifyCause) cause = _rectify_cause_lookup (self->reg, self->nc, self->selected_id);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (cause == NULL)
    return;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, !rectify_cause_get_is_root (cause));
  if (!rectify_register_update (self->reg, RECTIFY_ENTITY (cause), "is-root", &value, &error))
    report_error (self, error);
}

/* Moves @cause_id onto bone @category, before @before_id (a top-level cause there) or at the end.
 * One transaction: the sibling positions that make room, the category (of the cause and its
 * sub-causes), the parent and the position. */
static gboolean
move_cause (RectifyFishboneView *self,
            gint64               cause_id,
            const char          *category,
            gint64               before_id)
{
  g_autoptr(GListModel) causes = NULL;
  g_autoptr(RectifyCause) cause = NULL;
  g_autoptr(GPtrArray) subtree = NULL;
  g_autoptr(GError) error = NULL;
  int position = -1;
  guint n;

  cause = _rectify_cause_lookup (self->reg, self->nc, cause_id);
  if (cause == NULL || cause_id == before_id)
    return FALSE;

  causes = rectify_register_list_causes (self->reg, self->nc);
  n = g_list_model_get_n_items (causes);

  if (!rectify_register_begin (self->reg, &error))
    goto failed;

  if (before_id != 0)
    {
      g_autoptr(RectifyCause) before = _rectify_cause_lookup (self->reg, self->nc, before_id);

      position = rectify_cause_get_position (before);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RectifyCause) sibling = g_list_model_get_item (causes, i);
          int pos = rectify_cause_get_position (sibling);

          if (rectify_cause_get_parent_id (sibling) != 0 || sibling == cause ||
              rectify_entity_get_id (RECTIFY_ENTITY (sibling)) == cause_id ||
              g_strcmp0 (rectify_cause_get_category (sibling), category) != 0 || pos < position)
            continue;
          if (!rectify_register_update_int64 (self->reg, RECTIFY_ENTITY (sibling), "position",
                                              pos + 1, &error))
            goto rollback;
        }
    }
  else
    position = _rectify_cause_next_position (self->reg, self->nc, 0, category);

  subtree = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (subtree, g_object_ref (cause));
  collect_subtree (causes, cause_id, subtree);
  for (guint i = 0; i < subtree->len; i++)
    {
      RectifyCause *c = g_ptr_array_index (subtree, i);

      if (g_strcmp0 (rectify_cause_get_category (c), category) != 0 &&
          !rectify_register_update_string (self->reg, RECTIFY_ENTITY (c), "category", category,
                                           &error))
        goto rollback;
    }

  if ((rectify_cause_get_parent_id (cause) != 0 &&
       !rectify_register_update_int64 (self->reg, RECTIFY_ENTITY (cause), "parent-id", 0,
                                       &error)) ||
      (rectify_cause_get_position (cause) != position &&
       !rectify_register_update_int64 (self->reg, RECTIFY_ENTITY (cause), "position", position,
                                       &error)))
    goto rollback;

  if (!rectify_register_commit (self->reg, &error))
    goto failed;

  return TRUE;

rollback:
  rectify_register_rollback (self->reg);
failed:
  report_error (self, error);
  return FALSE;
}

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  RectifyCause *ca = *(RectifyCause **)a;
  RectifyCause *cb = *(RectifyCause **)b;
  gint64 ia = rectify_entity_get_id (RECTIFY_ENTITY (ca));
  gint64 ib = rectify_entity_get_id (RECTIFY_ENTITY (cb));

  if (rectify_cause_get_position (ca) != rectify_cause_get_position (cb))
    return rectify_cause_get_position (ca) < rectify_cause_get_position (cb) ? -1 : 1;

  return ia < ib ? -1 : ia > ib;
}

/* The top-level causes of bone @category, in their order on it (transfer full). */
static GPtrArray *
bone_causes (RectifyFishboneView *self,
             const char          *category)
{
  g_autoptr(GListModel) causes = rectify_register_list_causes (self->reg, self->nc);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);

      if (rectify_cause_get_parent_id (cause) == 0 &&
          g_strcmp0 (rectify_cause_get_category (cause), category) == 0)
        g_ptr_array_add (out, g_steal_pointer (&cause));
    }
  g_ptr_array_sort (out, compare_position);

  return out;
}

/* The keyboard's drag and drop: @step -1/+1 moves the selected cause one place earlier/later
 * on its bone, -2/+2 onto the previous/next bone (at its end), with its sub-causes. A sub-cause
 * moved to another bone becomes a cause of its own there, as when it is dragged; sub-causes keep
 * their order in their chain (the 5 Whys reorder them). */
static void
move_selected (RectifyFishboneView *self,
               int                  step)
{
  g_autoptr(RectifyCause) cause = NULL;
  gint64 id = self->selected_id;
  int category;

  if (id == 0 || self->layout == NULL || self->editing_id != 0)
    return;

  cause = _rectify_cause_lookup (self->reg, self->nc, id);
  category = rectify_fishbone_layout_get_cause_category (self->layout, id);
  if (cause == NULL || category < 0)
    return;

  if (ABS (step) == 2)
    {
      int to = category + (step > 0 ? 1 : -1);

      if (to < 0 || to >= (int) rectify_fishbone_layout_get_n_categories (self->layout) ||
          !move_cause (self, id, category_name (self, to), 0))
        return;
    }
  else
    {
      g_autoptr(GPtrArray) siblings = NULL;
      gint64 before_id = 0;
      guint index;

      if (rectify_cause_get_parent_id (cause) != 0)
        return;

      siblings = bone_causes (self, rectify_cause_get_category (cause));
      for (index = 0; index < siblings->len; index++)
        if (rectify_entity_get_id (g_ptr_array_index (siblings, index)) == id)
          break;

      if (step < 0)
        {
          if (index == 0 || index >= siblings->len)
            return;
          before_id = rectify_entity_get_id (g_ptr_array_index (siblings, index - 1));
        }
      else
        {
          if (index + 1 >= siblings->len)
            return;
          if (index + 2 < siblings->len)
            before_id = rectify_entity_get_id (g_ptr_array_index (siblings, index + 2));
        }

      if (!move_cause (self, id, rectify_cause_get_category (cause), before_id))
        return;
    }

  set_selection (self, id, -1);
  scroll_to_selection (self);
}

gboolean
_rectify_fishbone_view_drop_at (RectifyFishboneView *self,
                                gint64               cause_id,
                                double               x,
                                double               y)
{
  RectifyFishboneHit hit;
  gint64 target_id = 0;
  int category = -1;
  double lx, ly;

  g_return_val_if_fail (RECTIFY_IS_FISHBONE_VIEW (self), FALSE);

  if (self->layout == NULL)
    return FALSE;

  to_layout (self, x, y, &lx, &ly);
  hit = rectify_fishbone_layout_hit_test (self->layout, lx, ly, &target_id, &category);

  if (hit == RECTIFY_FISHBONE_HIT_CAUSE)
    {
      if (target_id == cause_id)
        return FALSE;
      category = rectify_fishbone_layout_get_cause_category (self->layout, target_id);
      /* Dropped on a sub-cause: before the top-level cause of its chain. */
      while (target_id != 0 && rectify_fishbone_layout_get_cause_depth (self->layout, target_id) > 0)
        {
          g_autoptr(RectifyCause) t = _rectify_cause_lookup (self->reg, self->nc, target_id);

          target_id = t != NULL ? rectify_cause_get_parent_id (t) : 0;
        }
      if (target_id == cause_id)
        return FALSE;
    }
  else if (hit != RECTIFY_FISHBONE_HIT_CATEGORY)
    {
      int plus = plus_at (self, lx, ly);

      category = plus >= 0 ? plus : bone_near (self, lx, ly);
    }

  if (category < 0)
    return FALSE;

  return move_cause (self, cause_id, category_name (self, category), target_id);
}

/* Callbacks --------------------------------------------------------------------------------- */

static void
register_changed_cb (RectifyFishboneView *self,
                     RectifyEntity       *entity,
                     const char          *property)
{
  if (self->nc == NULL)
    return;

  if (RECTIFY_IS_CAUSE (entity) &&
      rectify_cause_get_nc_id (RECTIFY_CAUSE (entity)) ==
        rectify_entity_get_id (RECTIFY_ENTITY (self->nc)))
    relayout (self);
  else if (entity == RECTIFY_ENTITY (self->nc) && property != NULL &&
           (g_str_equal (property, "ref") || g_str_equal (property, "title") ||
            g_str_equal (property, "statement")))
    relayout (self);
}

static void
click_pressed_cb (RectifyFishboneView *self,
                  int                  n_press,
                  double               x,
                  double               y,
                  GtkGestureClick     *gesture)
{
  double lx, ly;
  int plus;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->layout == NULL)
    return;

  to_layout (self, x, y, &lx, &ly);
  plus = plus_at (self, lx, ly);
  self->pressed_plus = plus;
  if (plus >= 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  _rectify_fishbone_view_select_at (self, x, y);
}

/* A double click edits on release: a popover opened during the press would see the release as a
 * click outside it and close at once. */
static void
click_released_cb (RectifyFishboneView *self,
                   int                  n_press,
                   double               x,
                   double               y)
{
  gint64 id = 0;
  double lx, ly;
  int plus = self->pressed_plus;

  self->pressed_plus = -1;
  if (self->layout == NULL || self->editing_id != 0)
    return;

  to_layout (self, x, y, &lx, &ly);

  /* The "+" of a bone adds a cause there. */
  if (plus >= 0)
    {
      g_autoptr(GError) error = NULL;

      if (plus_at (self, lx, ly) == plus &&
          rectify_fishbone_view_add_cause (self, category_name (self, plus), 0, TRUE,
                                           &error) == 0)
        report_error (self, error);
      return;
    }

  if (n_press != 2)
    return;

  if (rectify_fishbone_layout_hit_test (self->layout, lx, ly, &id, NULL) ==
        RECTIFY_FISHBONE_HIT_CAUSE && id == self->selected_id)
    start_editing (self, id, FALSE);
}

static void
drag_begin_cb (RectifyFishboneView *self,
               double               x,
               double               y)
{
  gint64 id = 0;
  double lx, ly;

  self->dragging = FALSE;
  self->drag_id = 0;
  if (self->layout == NULL || is_read_only (self))
    return;

  to_layout (self, x, y, &lx, &ly);
  if (rectify_fishbone_layout_hit_test (self->layout, lx, ly, &id, NULL) ==
      RECTIFY_FISHBONE_HIT_CAUSE)
    {
      self->drag_id = id;
      self->drag_start_x = x;
      self->drag_start_y = y;
    }
}

static void
drag_update_cb (RectifyFishboneView *self,
                double               dx,
                double               dy,
                GtkGestureDrag      *gesture)
{
  if (self->drag_id == 0)
    return;

  if (!self->dragging && hypot (dx, dy) >= DRAG_THRESHOLD)
    {
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }

  self->drag_x = self->drag_start_x + dx;
  self->drag_y = self->drag_start_y + dy;
  if (self->dragging)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (RectifyFishboneView *self,
             double               dx,
             double               dy)
{
  gint64 id = self->drag_id;
  gboolean was_dragging = self->dragging;

  self->drag_id = 0;
  self->dragging = FALSE;

  if (id != 0 && was_dragging)
    {
      _rectify_fishbone_view_drop_at (self, id, self->drag_start_x + dx, self->drag_start_y + dy);
      set_selection (self, id, -1);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pan_begin_cb (RectifyFishboneView *self,
              double               x,
              double               y)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  if (scroller == NULL)
    return;

  self->pan_h = gtk_adjustment_get_value (
    gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)));
  self->pan_v = gtk_adjustment_get_value (
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
pan_update_cb (RectifyFishboneView *self,
               double               dx,
               double               dy,
               GtkGestureDrag      *gesture)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *h, *v;
  double start_x, start_y;

  if (scroller == NULL)
    return;

  /* The widget moves under the pointer as it scrolls: work in the scroller's coordinates. */
  h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  dx += self->pan_h - gtk_adjustment_get_value (h);
  dy += self->pan_v - gtk_adjustment_get_value (v);
  (void) start_x;
  (void) start_y;
  gtk_adjustment_set_value (h, self->pan_h - dx);
  gtk_adjustment_set_value (v, self->pan_v - dy);
}

static void
pan_end_cb (RectifyFishboneView *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static gboolean
scroll_cb (RectifyFishboneView      *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  rectify_fishbone_view_set_zoom (self, self->zoom * (dy < 0 ? ZOOM_STEP : 1 / ZOOM_STEP));
  return TRUE;
}

static void
style_dark_cb (RectifyFishboneView *self)
{
  update_style (self);
}

static gboolean
scroll_idle_cb (gpointer data)
{
  RectifyFishboneView *self = data;

  self->scroll_idle_id = 0;
  scroll_to_selection (self);
  return G_SOURCE_REMOVE;
}

static void
apply_zoom (RectifyFishboneView *self,
            double               zoom)
{
  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  /* After the new size is allocated and the scrollbars know it. */
  if (self->scroll_idle_id == 0)
    self->scroll_idle_id = g_idle_add_full (GTK_PRIORITY_RESIZE + 10, scroll_idle_cb, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static gboolean
fit_idle_cb (gpointer data)
{
  RectifyFishboneView *self = data;

  self->fit_idle_id = 0;
  if (self->auto_fit)
    rectify_fishbone_view_zoom_to_fit (self);
  return G_SOURCE_REMOVE;
}

/* Key bindings ------------------------------------------------------------------------------ */

static gboolean
move_focus_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (widget);

  if (self->focus_items->len == 0 || self->editing_id != 0)
    return FALSE;

  _rectify_fishbone_view_move_focus (self, g_variant_get_int32 (args));
  return TRUE;
}

static void
add_cause_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *category = NULL;
  int cat = self->selected_category;

  if (self->editing_id != 0 || self->layout == NULL)
    return;

  if (param != NULL)
    category = g_variant_get_string (param, NULL);
  else
    {
      if (cat < 0)
        cat = 0;
      category = category_name (self, cat);
    }

  if (category == NULL || *category == '\0')
    return;

  if (rectify_fishbone_view_add_cause (self, category, 0, TRUE, &error) == 0)
    report_error (self, error);
}

static void
add_why_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->editing_id != 0 || self->selected_id == 0)
    return;

  if (rectify_fishbone_view_add_cause (self, NULL, self->selected_id, TRUE, &error) == 0)
    report_error (self, error);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  rectify_fishbone_view_edit_selected (RECTIFY_FISHBONE_VIEW (widget));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (widget);

  if (self->editing_id == 0 && self->selected_id != 0)
    remove_selected (self);
}

static void
toggle_root_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (widget);

  if (self->editing_id == 0 && self->selected_id != 0)
    toggle_root (self);
}

static void
move_cause_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  move_selected (RECTIFY_FISHBONE_VIEW (widget), g_variant_get_int32 (param));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (widget);

  if (g_str_equal (action_name, "fishbone.zoom-in"))
    rectify_fishbone_view_set_zoom (self, self->zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "fishbone.zoom-out"))
    rectify_fishbone_view_set_zoom (self, self->zoom / ZOOM_STEP);
  else if (g_str_equal (action_name, "fishbone.zoom-reset"))
    rectify_fishbone_view_set_zoom (self, 1.0);
  else
    rectify_fishbone_view_zoom_to_fit (self);
}

/* Vfuncs ------------------------------------------------------------------------------------ */

static void
rectify_fishbone_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (widget);
  double w = 0, h = 0;

  if (self->layout != NULL)
    rectify_fishbone_layout_get_size (self->layout, &w, &h);

  *minimum = *natural = (int) ceil ((orientation == GTK_ORIENTATION_HORIZONTAL ? w : h) * self->zoom);
}

static void
rectify_fishbone_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (widget);
  double w = 0, h = 0;

  if (self->layout != NULL)
    rectify_fishbone_layout_get_size (self->layout, &w, &h);

  self->offset_x = MAX (0, floor ((width - w * self->zoom) / 2));
  self->offset_y = MAX (0, floor ((height - h * self->zoom) / 2));

  if (self->editing_id != 0)
    {
      cairo_rectangle_t r;
      GdkRectangle wr;

      if (rectify_fishbone_layout_get_cause_rect (self->layout, self->editing_id, &r))
        {
          rect_to_widget (self, &r, &wr);
          gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &wr);
        }
    }
  gtk_popover_present (GTK_POPOVER (self->popover));

  /* Fitting changes the size request: never inside an allocation. */
  if (self->auto_fit && self->layout != NULL && self->fit_idle_id == 0)
    {
      GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

      if (scroller != NULL &&
          (gtk_widget_get_width (scroller) != self->fit_width ||
           gtk_widget_get_height (scroller) != self->fit_height))
        self->fit_idle_id = g_idle_add (fit_idle_cb, self);
    }
}

static void
draw_plus (RectifyFishboneView *self,
           cairo_t             *cr,
           int                  category)
{
  double cx, cy;
  const RectifyFishboneColor *fill = &self->style.category_fill;
  const RectifyFishboneColor *ink = &self->style.category_text;

  if (!get_plus_center (self, category, &cx, &cy))
    return;

  cairo_arc (cr, cx, cy, PLUS_RADIUS, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, fill->red, fill->green, fill->blue, fill->alpha);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, self->style.category_border.red, self->style.category_border.green,
                         self->style.category_border.blue, self->style.category_border.alpha);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, ink->alpha);
  cairo_set_line_width (cr, 2.0);
  cairo_move_to (cr, cx - 5, cy);
  cairo_line_to (cr, cx + 5, cy);
  cairo_move_to (cr, cx, cy - 5);
  cairo_line_to (cr, cx, cy + 5);
  cairo_stroke (cr);
}

static void
stroke_ring (RectifyFishboneView     *self,
             cairo_t                 *cr,
             const cairo_rectangle_t *r,
             gboolean                 dashed)
{
  const RectifyFishboneColor *sel = &self->style.selection;

  cairo_save (cr);
  cairo_set_source_rgba (cr, sel->red, sel->green, sel->blue, sel->alpha);
  cairo_set_line_width (cr, 2.5);
  if (dashed)
    cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  cairo_rectangle (cr, r->x - 4, r->y - 4, r->width + 8, r->height + 8);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
rectify_fishbone_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const RectifyFishboneColor *bg = &self->style.background;
  cairo_t *cr;
  guint n_cat;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  cairo_set_source_rgba (cr, bg->red, bg->green, bg->blue, bg->alpha);
  cairo_paint (cr);

  if (self->layout == NULL)
    {
      cairo_destroy (cr);
      return;
    }

  cairo_translate (cr, self->offset_x, self->offset_y);
  cairo_scale (cr, self->zoom, self->zoom);

  rectify_fishbone_draw (self->layout, cr, &self->style, self->selected_id);

  n_cat = rectify_fishbone_layout_get_n_categories (self->layout);
  for (guint i = 0; i < n_cat && !is_read_only (self); i++)
    draw_plus (self, cr, i);

  /* A selected bone: a ring around its label. */
  if (self->selected_id == 0 && self->selected_category >= 0)
    {
      cairo_rectangle_t r;

      if (rectify_fishbone_layout_get_category_rect (self->layout, self->selected_category, &r))
        stroke_ring (self, cr, &r, FALSE);
    }

  /* Dragging: the dragged label follows the pointer; the bone it would land on is marked. */
  if (self->dragging)
    {
      cairo_rectangle_t r, target;
      double lx, ly;
      int cat = -1;
      gint64 hit_id = 0;
      RectifyFishboneHit hit;

      to_layout (self, self->drag_x, self->drag_y, &lx, &ly);
      hit = rectify_fishbone_layout_hit_test (self->layout, lx, ly, &hit_id, &cat);
      if (hit == RECTIFY_FISHBONE_HIT_CAUSE)
        cat = rectify_fishbone_layout_get_cause_category (self->layout, hit_id);
      else if (hit != RECTIFY_FISHBONE_HIT_CATEGORY)
        cat = bone_near (self, lx, ly);

      if (cat >= 0 && rectify_fishbone_layout_get_category_rect (self->layout, cat, &target))
        stroke_ring (self, cr, &target, TRUE);
      if (hit == RECTIFY_FISHBONE_HIT_CAUSE && hit_id != self->drag_id &&
          rectify_fishbone_layout_get_cause_rect (self->layout, hit_id, &target))
        {
          const RectifyFishboneColor *sel = &self->style.selection;

          /* The insertion point: above the cause it goes before. */
          cairo_set_source_rgba (cr, sel->red, sel->green, sel->blue, sel->alpha);
          cairo_set_line_width (cr, 3);
          cairo_move_to (cr, target.x, target.y - 3);
          cairo_line_to (cr, target.x + target.width, target.y - 3);
          cairo_stroke (cr);
        }

      if (rectify_fishbone_layout_get_cause_rect (self->layout, self->drag_id, &r))
        {
          const RectifyFishboneColor *sel = &self->style.selection;

          cairo_set_source_rgba (cr, sel->red, sel->green, sel->blue, 0.25);
          cairo_rectangle (cr, lx - r.width / 2, ly - r.height / 2, r.width, r.height);
          cairo_fill (cr);
        }
    }

  cairo_destroy (cr);
}

static gboolean
rectify_fishbone_view_focus (GtkWidget        *widget,
                             GtkDirectionType  direction)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (widget);

  /* The editor popover handles its own focus; the view itself is one tab stop. */
  if (self->editing_id != 0)
    return gtk_widget_child_focus (self->popover, direction);

  if (gtk_widget_is_focus (widget))
    return FALSE;

  gtk_widget_grab_focus (widget);
  if (self->selected_id == 0 && self->selected_category < 0 && self->focus_items->len > 0)
    {
      const FocusItem *item = &g_array_index (self->focus_items, FocusItem, 0);

      set_selection (self, item->cause_id, item->category);
    }

  return TRUE;
}

static void
rectify_fishbone_view_dispose (GObject *object)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (object);

  g_clear_handle_id (&self->fit_idle_id, g_source_remove);
  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  if (self->reg != NULL)
    g_signal_handlers_disconnect_by_data (self->reg, self);
  g_clear_object (&self->reg);
  g_clear_object (&self->nc);
  g_clear_pointer (&self->layout, rectify_fishbone_layout_unref);

  G_OBJECT_CLASS (rectify_fishbone_view_parent_class)->dispose (object);
}

static void
rectify_fishbone_view_finalize (GObject *object)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (object);

  g_clear_pointer (&self->focus_items, g_array_unref);

  G_OBJECT_CLASS (rectify_fishbone_view_parent_class)->finalize (object);
}

static void
rectify_fishbone_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_fishbone_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RectifyFishboneView *self = RECTIFY_FISHBONE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      rectify_fishbone_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_fishbone_view_class_init (RectifyFishboneViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_fishbone_view_dispose;
  object_class->finalize = rectify_fishbone_view_finalize;
  object_class->get_property = rectify_fishbone_view_get_property;
  object_class->set_property = rectify_fishbone_view_set_property;

  widget_class->measure = rectify_fishbone_view_measure;
  widget_class->size_allocate = rectify_fishbone_view_size_allocate;
  widget_class->snapshot = rectify_fishbone_view_snapshot;
  widget_class->focus = rectify_fishbone_view_focus;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LAYOUT_CHANGED] =
    g_signal_new ("layout-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CAUSE_REMOVED] =
    g_signal_new ("cause-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "fishbone.add-cause", NULL, add_cause_action);
  gtk_widget_class_install_action (widget_class, "fishbone.add-cause-to", "s", add_cause_action);
  gtk_widget_class_install_action (widget_class, "fishbone.add-why", NULL, add_why_action);
  gtk_widget_class_install_action (widget_class, "fishbone.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "fishbone.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "fishbone.toggle-root", NULL, toggle_root_action);
  gtk_widget_class_install_action (widget_class, "fishbone.move-cause", "i", move_cause_action);
  gtk_widget_class_install_action (widget_class, "fishbone.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "fishbone.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "fishbone.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "fishbone.zoom-fit", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "fishbone.add-cause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0, "fishbone.add-cause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, 0, "fishbone.add-cause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, 0, "fishbone.add-why", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "fishbone.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "fishbone.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "fishbone.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "fishbone.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "fishbone.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "fishbone.toggle-root", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "fishbone.move-cause", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "fishbone.move-cause", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "fishbone.move-cause", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "fishbone.move-cause", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "fishbone.move-cause", "i", -2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "fishbone.move-cause", "i", -2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "fishbone.move-cause", "i", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_ALT_MASK, "fishbone.move-cause", "i", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "fishbone.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "fishbone.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "fishbone.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "fishbone.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "fishbone.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "fishbone.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "fishbone.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK, "fishbone.zoom-fit", NULL);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, move_focus_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, move_focus_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, move_focus_cb, "i", 2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, move_focus_cb, "i", -2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, 0, move_focus_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, 0, move_focus_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Right, 0, move_focus_cb, "i", 2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, 0, move_focus_cb, "i", -2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, move_focus_cb, "i", -100000);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, move_focus_cb, "i", 100000);

  gtk_widget_class_set_css_name (widget_class, "fishbone");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rectify_fishbone_view_init (RectifyFishboneView *self)
{
  GtkGesture *gesture;
  GtkEventController *controller;

  self->zoom = 1.0;
  self->selected_category = -1;
  self->pressed_plus = -1;
  self->focus_items = g_array_new (FALSE, FALSE, sizeof (FocusItem));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (pan_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (pan_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cause"),
                                  -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->entry);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (popover_closed_cb), self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);
  update_style (self);
  update_accessible (self);
  update_actions (self);
}

/* Public API -------------------------------------------------------------------------------- */

GtkWidget *
rectify_fishbone_view_new (void)
{
  return g_object_new (RECTIFY_TYPE_FISHBONE_VIEW, NULL);
}

void
rectify_fishbone_view_set_nonconformity (RectifyFishboneView  *self,
                                         RectifyRegister      *reg,
                                         RectifyNonconformity *nc)
{
  g_return_if_fail (RECTIFY_IS_FISHBONE_VIEW (self));
  g_return_if_fail (reg == NULL || RECTIFY_IS_REGISTER (reg));
  g_return_if_fail (nc == NULL || RECTIFY_IS_NONCONFORMITY (nc));

  if (self->reg != NULL)
    g_signal_handlers_disconnect_by_data (self->reg, self);

  g_set_object (&self->reg, reg);
  g_set_object (&self->nc, nc);
  self->selected_id = 0;
  self->selected_category = -1;

  if (self->reg != NULL)
    g_signal_connect_object (self->reg, "changed", G_CALLBACK (register_changed_cb), self,
                             G_CONNECT_SWAPPED);

  self->auto_fit = TRUE;
  self->fit_width = self->fit_height = 0;
  relayout (self);
  update_actions (self);
}

RectifyFishboneLayout *
rectify_fishbone_view_get_layout (RectifyFishboneView *self)
{
  g_return_val_if_fail (RECTIFY_IS_FISHBONE_VIEW (self), NULL);

  return self->layout;
}

gint64
rectify_fishbone_view_get_selected_cause (RectifyFishboneView *self)
{
  g_return_val_if_fail (RECTIFY_IS_FISHBONE_VIEW (self), 0);

  return self->selected_id;
}

int
rectify_fishbone_view_get_selected_category (RectifyFishboneView *self)
{
  g_return_val_if_fail (RECTIFY_IS_FISHBONE_VIEW (self), -1);

  return self->selected_category;
}

void
rectify_fishbone_view_select_cause (RectifyFishboneView *self,
                                    gint64               cause_id)
{
  g_return_if_fail (RECTIFY_IS_FISHBONE_VIEW (self));

  if (self->layout == NULL || rectify_fishbone_layout_get_cause_category (self->layout, cause_id) < 0)
    return;

  set_selection (self, cause_id, -1);
  scroll_to_selection (self);
}

void
rectify_fishbone_view_select_category (RectifyFishboneView *self,
                                       int                  category)
{
  g_return_if_fail (RECTIFY_IS_FISHBONE_VIEW (self));

  if (self->layout == NULL || category < 0 ||
      category >= (int) rectify_fishbone_layout_get_n_categories (self->layout))
    category = -1;

  set_selection (self, 0, category);
  scroll_to_selection (self);
}

void
rectify_fishbone_view_edit_selected (RectifyFishboneView *self)
{
  g_return_if_fail (RECTIFY_IS_FISHBONE_VIEW (self));

  if (self->editing_id == 0 && self->selected_id != 0)
    start_editing (self, self->selected_id, FALSE);
}

double
rectify_fishbone_view_get_zoom (RectifyFishboneView *self)
{
  g_return_val_if_fail (RECTIFY_IS_FISHBONE_VIEW (self), 1.0);

  return self->zoom;
}

void
rectify_fishbone_view_set_zoom (RectifyFishboneView *self,
                                double               zoom)
{
  g_return_if_fail (RECTIFY_IS_FISHBONE_VIEW (self));

  self->auto_fit = FALSE;
  apply_zoom (self, zoom);
}

void
rectify_fishbone_view_zoom_to_fit (RectifyFishboneView *self)
{
  GtkWidget *scroller;
  double w, h;
  int sw, sh;

  g_return_if_fail (RECTIFY_IS_FISHBONE_VIEW (self));

  scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  if (self->layout == NULL || scroller == NULL)
    return;

  sw = gtk_widget_get_width (scroller);
  sh = gtk_widget_get_height (scroller);
  rectify_fishbone_layout_get_size (self->layout, &w, &h);
  if (sw <= 1 || sh <= 1 || w <= 0 || h <= 0)
    return;

  /* Fill the view, but do not blow a small diagram up past twice its size. The view keeps
   * fitting as the window changes size until the user zooms. */
  self->auto_fit = TRUE;
  self->fit_width = sw;
  self->fit_height = sh;
  apply_zoom (self, MIN (MIN (sw / w, sh / h) * 0.98, 2.0));
}

void
_rectify_fishbone_view_select_at (RectifyFishboneView *self,
                                  double               x,
                                  double               y)
{
  RectifyFishboneHit hit;
  gint64 id = 0;
  int category = -1;
  double lx, ly;

  g_return_if_fail (RECTIFY_IS_FISHBONE_VIEW (self));

  if (self->layout == NULL)
    return;

  to_layout (self, x, y, &lx, &ly);
  hit = rectify_fishbone_layout_hit_test (self->layout, lx, ly, &id, &category);
  switch (hit)
    {
    case RECTIFY_FISHBONE_HIT_CAUSE:
      set_selection (self, id, -1);
      break;

    case RECTIFY_FISHBONE_HIT_CATEGORY:
      set_selection (self, 0, category);
      break;

    case RECTIFY_FISHBONE_HIT_HEAD:
    case RECTIFY_FISHBONE_HIT_NONE:
    default:
      set_selection (self, 0, -1);
      break;
    }
}

gboolean
_rectify_fishbone_view_get_cause_center (RectifyFishboneView *self,
                                         gint64               cause_id,
                                         double              *x,
                                         double              *y)
{
  cairo_rectangle_t r;

  g_return_val_if_fail (RECTIFY_IS_FISHBONE_VIEW (self), FALSE);

  if (self->layout == NULL || !rectify_fishbone_layout_get_cause_rect (self->layout, cause_id, &r))
    return FALSE;

  *x = self->offset_x + (r.x + r.width / 2) * self->zoom;
  *y = self->offset_y + (r.y + r.height / 2) * self->zoom;
  return TRUE;
}

gboolean
_rectify_fishbone_view_get_plus_center (RectifyFishboneView *self,
                                        int                  category,
                                        double              *x,
                                        double              *y)
{
  double cx, cy;

  g_return_val_if_fail (RECTIFY_IS_FISHBONE_VIEW (self), FALSE);

  if (!get_plus_center (self, category, &cx, &cy))
    return FALSE;

  *x = self->offset_x + cx * self->zoom;
  *y = self->offset_y + cy * self->zoom;
  return TRUE;
}

GtkWidget *
_rectify_fishbone_view_get_editor_entry (RectifyFishboneView *self)
{
  g_return_val_if_fail (RECTIFY_IS_FISHBONE_VIEW (self), NULL);

  return self->entry;
}

void
_rectify_fishbone_view_move_focus (RectifyFishboneView *self,
                                   int                  step)
{
  gboolean by_bone = ABS (step) == 2;
  int index, n;
  const FocusItem *item;

  g_return_if_fail (RECTIFY_IS_FISHBONE_VIEW (self));

  index = focus_index (self);
  n = self->focus_items->len;
  if (n == 0)
    return;

  if (index < 0)
    index = step > 0 ? -1 : n;

  if (by_bone)
    {
      /* To the next or previous bone label. */
      int dir = step > 0 ? 1 : -1;

      for (index += dir; index >= 0 && index < n; index += dir)
        if (g_array_index (self->focus_items, FocusItem, index).cause_id == 0)
          break;
    }
  else
    index += step;

  index = CLAMP (index, 0, n - 1);
  item = &g_array_index (self->focus_items, FocusItem, index);
  set_selection (self, item->cause_id, item->category);
  scroll_to_selection (self);
}
