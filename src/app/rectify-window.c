/* rectify-window.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "rectify-accessible.h"
#include "rectify-actions-page.h"
#include "rectify-analysis-window.h"
#include "rectify-board.h"
#include "rectify-catalogue.h"
#include "rectify-dashboard.h"
#include "rectify-date.h"
#include "rectify-demo.h"
#include "rectify-enums.h"
#include "rectify-export.h"
#include "rectify-import-dialog.h"
#include "rectify-nc-columns.h"
#include "rectify-nc-editor.h"
#include "rectify-settings.h"
#include "rectify-window-private.h"
#include "rectify-workflow.h"

#define MAX_RECENT_REGISTERS 10
#define MAX_RECENT_IN_MENU   5
#define REGISTER_SUFFIX      ".rectify"
#define WORKBOOK_SUFFIX      ".xlsx"
/* An export that takes longer than this shows its progress. */
#define EXPORT_PROGRESS_DELAY_MS 250
/* How often an open register is looked at for changes made by another program */
#define OUTSIDE_CHECK_SECONDS 2

/* The table's progressive fill (see start_table_fill ()): the rows of its first frame are those
 * that fit in its height (rows are at least TABLE_ROW_HEIGHT pixels high), then TABLE_MORE_ROWS
 * more each frame, then all of them once GTK 4.8's list view has all the row widgets it keeps
 * (GTK_LIST_VIEW_MAX_LIST_ITEMS, 200, and two more). */
#define TABLE_ROW_HEIGHT     28
#define TABLE_FIRST_ROWS     40
#define TABLE_MORE_ROWS      12
#define TABLE_ALL_ROWS       210
/* The status filter's "All Open": every status but Closed. */
#define STATUS_OPEN RECTIFY_DASHBOARD_STATUS_OPEN

struct _RectifyWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  AdwHeaderBar         *list_header;
  GtkRevealer          *read_only_banner;
  GtkWidget            *editor_pane;
  GtkWidget            *editor_separator;
  AdwViewStack         *view_stack;
  GtkWidget            *filter_box;
  GtkWidget            *nc_page;
  RectifyBoard         *board;
  RectifyActionsPage   *actions_page;
  gboolean              actions_page_stale;   /* set_register() waits until it is shown */
  RectifyDashboard     *dashboard;
  GtkRevealer          *export_revealer;
  GtkLabel             *export_label;
  GtkProgressBar       *export_progress;
  AdwViewSwitcherTitle *window_title;
  AdwWindowTitle       *editor_title;
  GtkWidget            *close_editor_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *status_filter;
  GtkDropDown          *grade_filter;
  GtkDropDown          *source_filter;
  GtkDropDown          *theme_filter;
  GtkDropDown          *audit_filter;
  GtkToggleButton      *overdue_toggle;
  GtkLabel             *count_label;
  GtkStack             *list_stack;
  GtkColumnView        *column_view;
  RectifyNcEditor      *editor;
  GMenu                *recent_section;

  GSettings            *settings;
  char                 *today;

  /* The open register and the models over its NCs:
   * NCs -> GtkSortListModel (column view's sorter) -> GtkFilterListModel -> GtkSliceListModel
   * (the table's progressive fill) -> GtkSingleSelection */
  RectifyRegister      *reg;
  GtkSortListModel     *sort_model;
  GtkFilterListModel   *filter_model;
  GtkSliceListModel    *table_rows;
  GtkSingleSelection   *selection;
  GtkCustomFilter      *filter;
  GBinding             *editor_title_binding;

  /* The board follows the register once it is first shown; it shows the editor beside it only
   * once a card is opened. */
  gboolean              board_attached;
  /* The table gets its rows once the Nonconformities page first shows (see attach_table ()) */
  gboolean              table_attached;
  /* The rows the table has while it fills (G_MAXUINT: all), see start_table_fill () */
  guint                 table_n_rows;
  guint                 table_fill_id;
  gint64                table_fill_frame;
  /* Changes made to the register by another program (see check_outside_cb ()) */
  guint                 outside_id;
  gboolean              outside_pending;
  gboolean              board_editor_open;

  /* Filter state, read by filter_func () */
  int                   status;      /* -1: all, STATUS_OPEN: all but Closed */
  int                   grade;       /* -1: all */
  int                   source;      /* -1: all */
  int                   theme;       /* a RectifyCatalogueTheme, -1: all */
  gint64                audit_id;    /* -1: all */
  gboolean              overdue_only;
  GtkStringList        *audit_names; /* "All Audits", then the audits' titles */
  GArray               *audit_ids;   /* gint64, the audits' ids in audit_names order (minus 1) */
  GArray               *search_ids;  /* gint64, the keys of search_hits point into it */
  GHashTable           *search_hits; /* NULL: no search */

  /* A register being read in a thread (rectify_window_open_file_async ()) */
  GCancellable         *open_cancellable;

  /* The export under way: its task (data: ExportJob), and the progress shown */
  GTask                *export_task;
  GCancellable         *export_cancellable;
  guint                 export_progress_id;
  gint64                export_started;

  /* The toast that offers to undo the latest change, and the run of changes it covers; and
   * the toast of notices (refused moves). Each is updated in place rather than replaced. */
  AdwToast             *undo_toast;
  gpointer              undo_entity;  /* compared only, never dereferenced */
  char                 *undo_property;
  guint                 undo_count;
  gboolean              undoing;
  AdwToast             *notice_toast;

  /* The last move on the board, when the undo toast offers to move it back */
  RectifyNonconformity *move_nc;
  RectifyStatus         move_from;
  RectifyStatus         move_to;
  gboolean              move_is_last; /* no other change since: the undo stack may take it back */
  /* A move writes several fields: their toast waits for the end of the move (the board shows
   * its own) */
  guint                 status_toast_id;
  RectifyEntity        *status_toast_entity;
};

G_DEFINE_FINAL_TYPE (RectifyWindow, rectify_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_REGISTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *property;
  const char *message;
} change_messages[] = {
  { "ref", N_("Reference changed") },
  { "title", N_("Title changed") },
  { "statement", N_("Statement changed") },
  { "requirement", N_("Requirement changed") },
  { "evidence", N_("Evidence changed") },
  { "area", N_("Area changed") },
  { "source", N_("Source changed") },
  { "audit-id", N_("Audit changed") },
  { "occurred-on", N_("Date of occurrence changed") },
  { "location", N_("Location changed") },
  { "reported-by", N_("Reporter changed") },
  { "reported-on", N_("Report date changed") },
  { "owner", N_("Owner changed") },
  { "grade", N_("Grade changed") },
  { "correction", N_("Correction changed") },
  { "correction-on", N_("Correction date changed") },
  { "status", N_("Status changed") },
  { "cap-due-on", N_("Plan due date changed") },
  { "due-on", N_("Due date changed") },
  { "closed-on", N_("Closing date changed") },
};

/* Helpers */

/* Toast titles are Pango markup in libadwaita 1.2: escape the text. */
static void
show_toast (RectifyWindow *self,
            const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

G_GNUC_PRINTF (2, 3)
static void
show_toast_printf (RectifyWindow *self,
                   const char    *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  show_toast (self, message);
}

static void
show_error_dialog (RectifyWindow *self,
                   const char    *heading,
                   const char    *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Demo", the name of a register file without its suffix. (transfer full) */
static char *
register_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_uri (file);
  if (g_str_has_suffix (basename, REGISTER_SUFFIX) &&
      strlen (basename) > strlen (REGISTER_SUFFIX))
    basename[strlen (basename) - strlen (REGISTER_SUFFIX)] = '\0';

  return g_steal_pointer (&basename);
}

/* "~/Documents", the folder of a register file for people. (transfer full) */
static char *
register_display_folder (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = NULL;
  const char *home = g_get_home_dir ();

  if (parent == NULL)
    return g_strdup ("");
  if ((path = g_file_get_path (parent)) == NULL)
    return g_file_get_parse_name (parent);
  if (home != NULL && g_str_has_prefix (path, home) &&
      (path[strlen (home)] == '\0' || path[strlen (home)] == G_DIR_SEPARATOR))
    return g_strconcat ("~", path + strlen (home), NULL);

  return g_steal_pointer (&path);
}

static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
update_actions (RectifyWindow *self)
{
  gboolean has_register = self->reg != NULL;
  /* A register open for reading only (its file, folder or disk cannot be written) is read,
   * searched and exported, never changed */
  gboolean can_change = has_register && !rectify_register_is_read_only (self->reg);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-nc", can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_register);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters", has_register);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 has_register && self->export_task == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", self->export_task != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 can_change && rectify_register_can_undo (self->reg));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-toast",
                                 can_change && rectify_register_can_undo (self->reg));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-move", can_change);
}

/* The status filter lists "All Statuses", "All Open", then the statuses. */
static int
status_from_position (guint position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return -1;
  if (position == 1)
    return STATUS_OPEN;
  return (int)position - 2;
}

static guint
status_to_position (int status)
{
  if (status == STATUS_OPEN)
    return 1;
  if (status < 0)
    return 0;
  return (guint)status + 2;
}

static gboolean
filters_active (RectifyWindow *self)
{
  return self->status != -1 || self->grade >= 0 || self->source >= 0 || self->theme >= 0 ||
         self->audit_id >= 0 || self->overdue_only || self->search_hits != NULL;
}

static void
update_count (RectifyWindow *self)
{
  guint total = 0;
  guint shown = 0;
  g_autofree char *text = NULL;

  if (self->reg != NULL)
    {
      total = g_list_model_get_n_items (rectify_register_get_nonconformities (self->reg));
      shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
    }

  if (filters_active (self))
    /* Translators: "12 of 240 nonconformities" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%'u of %'u nonconformity",
                                         "%'u of %'u nonconformities", total),
                            shown, total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%'u nonconformity",
                                         "%'u nonconformities", total),
                            total);
  gtk_label_set_text (self->count_label, text);

  if (self->open_cancellable != NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RectifyWindow *self = user_data;
  RectifyNonconformity *nc = item;

  if (self->status >= 0 && (int)rectify_nonconformity_get_status (nc) != self->status)
    return FALSE;
  if (self->status == STATUS_OPEN && rectify_nonconformity_get_status (nc) == RECTIFY_STATUS_CLOSED)
    return FALSE;
  if (self->grade >= 0 && (int)rectify_nonconformity_get_grade (nc) != self->grade)
    return FALSE;
  if (self->source >= 0 && (int)rectify_nonconformity_get_source (nc) != self->source)
    return FALSE;
  /* The groups of the dashboard's chart by theme */
  if (self->theme >= 0 &&
      (int)rectify_catalogue_classify (rectify_nonconformity_get_requirement (nc), NULL) != self->theme)
    return FALSE;
  if (self->audit_id >= 0 && rectify_nonconformity_get_audit_id (nc) != self->audit_id)
    return FALSE;
  if (self->overdue_only && !rectify_nonconformity_is_overdue (nc, self->today))
    return FALSE;
  if (self->search_hits != NULL)
    {
      gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (nc));

      if (!g_hash_table_contains (self->search_hits, &id))
        return FALSE;
    }

  return TRUE;
}

static void
set_table_n_rows (RectifyWindow *self,
                  guint          n_rows)
{
  if (self->table_n_rows == n_rows)
    return;

  self->table_n_rows = n_rows;
  gtk_slice_list_model_set_size (self->table_rows, n_rows);
}

static void
stop_table_fill (RectifyWindow *self)
{
  if (self->table_fill_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->table_fill_id);
  self->table_fill_id = 0;
}

/* Every row, now (a row to select may be further down). */
static void
finish_table_fill (RectifyWindow *self)
{
  stop_table_fill (self);
  set_table_n_rows (self, G_MAXUINT);
}

static gboolean
table_fill_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  RectifyWindow *self = RECTIFY_WINDOW (user_data);
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);
  guint next = self->table_n_rows + TABLE_MORE_ROWS;

  /* The first tick comes before the first frame is drawn: that frame keeps the first rows. */
  if (self->table_fill_frame < 0)
    {
      self->table_fill_frame = frame;
      return G_SOURCE_CONTINUE;
    }
  if (frame == self->table_fill_frame)
    return G_SOURCE_CONTINUE;

  if (next < TABLE_ALL_ROWS && next < g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)))
    {
      set_table_n_rows (self, next);
      return G_SOURCE_CONTINUE;
    }

  /* The list view has all the row widgets it keeps: the rest are rows to scroll to. */
  set_table_n_rows (self, G_MAXUINT);
  self->table_fill_id = 0;
  return G_SOURCE_REMOVE;
}

/* A GTK 4.8 list view makes a row (nine cells here) for up to 202 items as soon as its model
 * has them, on screen or not: about 100 ms on a large register, before the first frame that
 * shows any. The table's model is therefore a slice of the filtered NCs: first the rows that fit
 * in the table's height, then more each frame until the list view has all the rows it keeps,
 * then every NC. Started when a new set of rows comes (another register, the table's first
 * showing, a change of the filters with no row selected), finished at once when a row is to be
 * selected. */
static void
start_table_fill (RectifyWindow *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->list_stack));

  if (height <= 0)
    height = gtk_widget_get_height (GTK_WIDGET (self));

  stop_table_fill (self);
  set_table_n_rows (self, height > 0 ? (guint)(height / TABLE_ROW_HEIGHT) + 1 : TABLE_FIRST_ROWS);
  self->table_fill_frame = -1;
  self->table_fill_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), table_fill_tick_cb,
                                                      self, NULL);
}

/* Another set of rows: filled progressively, unless one is selected (it keeps its place). */
static void
refill_table (RectifyWindow *self)
{
  if (self->table_attached &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    start_table_fill (self);
}

static void
sorter_changed_cb (RectifyWindow *self)
{
  refill_table (self);
}

static void
refilter (RectifyWindow *self)
{
  refill_table (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* Runs the search of the entry again (after an edit, the hits may differ). */
static void
update_search (RectifyWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_hits, g_hash_table_unref);
  g_clear_pointer (&self->search_ids, g_array_unref);

  if (self->reg == NULL || *stripped == '\0')
    return;

  if (!(ids = rectify_register_search (self->reg, stripped, &error)))
    {
      g_warning ("Search failed: %s", error->message);
      /* Translators: %s is a technical error message */
      show_toast_printf (self, _("Search failed: %s"), error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  self->search_ids = g_steal_pointer (&ids);
  self->search_hits = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < self->search_ids->len; i++)
    g_hash_table_add (self->search_hits, &g_array_index (self->search_ids, gint64, i));
}

static void
rebuild_audit_filter (RectifyWindow *self)
{
  GListModel *audits;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->audit_names));
  guint selected = 0;
  gint64 keep = self->audit_id;

  g_array_set_size (self->audit_ids, 0);

  if (self->reg != NULL)
    {
      audits = rectify_register_get_audits (self->reg);
      for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
        {
          g_autoptr(RectifyAudit) audit = g_list_model_get_item (audits, i);
          gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (audit));
          const char *title = rectify_audit_get_title (audit);

          g_array_append_val (self->audit_ids, id);
          g_ptr_array_add (titles, (gpointer)(title ? title : ""));
          if (id == keep)
            selected = i + 1;
        }
    }
  g_ptr_array_add (titles, NULL);

  gtk_string_list_splice (self->audit_names, 1, n_old - 1, (const char * const *)titles->pdata);
  gtk_drop_down_set_selected (self->audit_filter, selected);
}

static void
set_editor_nonconformity (RectifyWindow        *self,
                          RectifyNonconformity *nc)
{
  g_clear_pointer (&self->editor_title_binding, g_binding_unbind);

  rectify_nc_editor_set_nonconformity (self->editor, nc);

  if (nc != NULL)
    self->editor_title_binding = g_object_bind_property (nc, "ref",
                                                         self->editor_title, "title",
                                                         G_BINDING_SYNC_CREATE);
  else
    adw_window_title_set_title (self->editor_title, "");
}

static GtkWidget *
find_list_view (GtkColumnView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return NULL;
}

static void
select_nonconformity (RectifyWindow        *self,
                      RectifyNonconformity *nc)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);

  finish_table_fill (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == (GObject *)nc)
        {
          GtkWidget *list_view = find_list_view (self->column_view);

          gtk_single_selection_set_selected (self->selection, i);
          if (list_view != NULL)
            gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", i);
          break;
        }
    }

  set_editor_nonconformity (self, nc);
}

/* The NC editor beside the table belongs to the Nonconformities view, and to the board once a
 * card is opened there; the other views take the whole width. The filters above the view apply
 * to the table and the board. */
static void
update_panes (RectifyWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean ncs = g_strcmp0 (name, "nonconformities") == 0;
  gboolean board = g_strcmp0 (name, "board") == 0;
  gboolean editor = ncs || (board && self->board_editor_open);
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->editor_pane, editor);
  gtk_widget_set_visible (self->editor_separator, editor);
  gtk_widget_set_visible (self->filter_box, ncs || board);
  gtk_widget_set_visible (self->close_editor_button, board && !folded);
  /* Without the editor's header bar beside it, this one holds the window's buttons. */
  adw_header_bar_set_show_end_title_buttons (self->list_header, folded || !editor);

  if (!editor && adw_leaflet_get_visible_child (self->leaflet) == self->editor_pane)
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Opens @nc in the editor, beside the table or the board (or over them when folded). */
static void
open_in_editor (RectifyWindow        *self,
                RectifyNonconformity *nc)
{
  if (filter_func (nc, self))
    select_nonconformity (self, nc);
  else
    set_editor_nonconformity (self, nc);

  self->board_editor_open = TRUE;
  update_panes (self);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

static void
clear_filters (RectifyWindow *self)
{
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->grade_filter, 0);
  gtk_drop_down_set_selected (self->source_filter, 0);
  gtk_drop_down_set_selected (self->theme_filter, 0);
  gtk_drop_down_set_selected (self->audit_filter, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  /* search-changed comes after a delay: drop the hits now. */
  update_search (self);
  refilter (self);
}

static void
add_recent (RectifyWindow *self,
            GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;

  old = g_settings_get_strv (self->settings, "recent-registers");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_REGISTERS; i++)
    {
      if (g_strcmp0 (old[i], uri) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  recent = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "recent-registers", (const char * const *)recent);
  g_settings_set_string (self->settings, "last-register", uri);
}

static void
rebuild_recent (RectifyWindow *self)
{
  g_auto(GStrv) recent = NULL;
  GtkWidget *child;
  guint n_menu = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);
  g_menu_remove_all (self->recent_section);

  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-registers");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = register_display_name (file);
      g_autofree char *folder = register_display_folder (file);
      gboolean exists = g_file_query_exists (file, NULL);
      GtkWidget *row;

      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "use-markup", FALSE,
                          "title", name,
                          NULL);

      if (exists)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", recent[i]);

          if (n_menu < MAX_RECENT_IN_MENU)
            {
              g_autofree char *label = escape_mnemonic (name);
              g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

              g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
              g_menu_append_item (self->recent_section, item);
              n_menu++;
            }
        }
      else
        {
          GtkWidget *button;
          g_autofree char *subtitle = NULL;

          /* Translators: %s is a folder; the register is no longer there */
          subtitle = g_strdup_printf (_("%s — file not found"), folder);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_widget_add_css_class (row, "missing");

          button = g_object_new (GTK_TYPE_BUTTON,
                                 "icon-name", "window-close-symbolic",
                                 "valign", GTK_ALIGN_CENTER,
                                 "tooltip-text", _("Remove From List"),
                                 "action-name", "win.remove-recent",
                                 NULL);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", recent[i]);
          gtk_widget_add_css_class (button, "flat");
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove From List"),
                                          -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }

      gtk_list_box_append (self->recent_list, row);
    }

  gtk_widget_set_visible (self->recent_box, recent[0] != NULL);
}

static void
show_undo_toast (RectifyWindow *self,
                 RectifyEntity *entity,
                 const char    *property);
static gboolean
status_toast_cb (gpointer user_data);

/* Callbacks */

static void
register_changed_cb (RectifyWindow *self,
                     RectifyEntity *entity,
                     const char    *property,
                     RectifyRegister *reg)
{
  RectifyNonconformity *shown;

  g_assert (RECTIFY_IS_WINDOW (self));

  /* Any change after a move of the board leaves it no longer the last step of undo. */
  self->move_is_last = FALSE;

  if (self->search_hits != NULL)
    {
      update_search (self);
      refilter (self);
    }

  update_actions (self);

  if (property == NULL)
    {
      /* Added or removed: if the NC in the editor is gone, empty the editor. */
      shown = rectify_nc_editor_get_nonconformity (self->editor);
      if (shown != NULL &&
          rectify_register_lookup_nonconformity (reg, rectify_entity_get_id (RECTIFY_ENTITY (shown))) == NULL)
        set_editor_nonconformity (self, NULL);
      return;
    }

  if (self->undoing ||
      g_str_equal (property, "updated-at") ||
      g_str_equal (property, "created-at"))
    return;

  if (RECTIFY_IS_NONCONFORMITY (entity) &&
      (g_str_equal (property, "status") ||
       g_str_equal (property, "closed-on") ||
       g_str_equal (property, "closed-by")))
    {
      g_set_object (&self->status_toast_entity, entity);
      if (self->status_toast_id == 0)
        self->status_toast_id = g_idle_add (status_toast_cb, self);
      return;
    }

  show_undo_toast (self, entity, property);
}

static gboolean
status_toast_cb (gpointer user_data)
{
  RectifyWindow *self = user_data;
  g_autoptr(RectifyEntity) entity = g_steal_pointer (&self->status_toast_entity);

  self->status_toast_id = 0;
  show_undo_toast (self, entity, "status");

  return G_SOURCE_REMOVE;
}

static void
forget_move (RectifyWindow *self)
{
  g_clear_object (&self->move_nc);
  self->move_is_last = FALSE;
}

static void
undo_toast_dismissed_cb (RectifyWindow *self,
                         AdwToast      *toast)
{
  if (self->undo_toast != toast)
    return;

  g_clear_object (&self->undo_toast);
  g_clear_pointer (&self->undo_property, g_free);
  self->undo_entity = NULL;
  self->undo_count = 0;
  forget_move (self);
}

static void
notice_toast_dismissed_cb (RectifyWindow *self,
                           AdwToast      *toast)
{
  if (self->notice_toast == toast)
    g_clear_object (&self->notice_toast);
}

/* Shows @message in the toast of @slot, with a button (@button_label, @action_name, @target; all
 * NULL for none). A toast on show is updated in place, not replaced: a new toast for each change
 * would flicker, and libadwaita 1.2 can crash when a toast is dismissed while it still slides in.
 * A toast keeps its slot until it is dismissed (its timeout, its close button, or its button). */
static void
present_toast (RectifyWindow *self,
               AdwToast     **slot,
               GCallback      dismissed_cb,
               const char    *message,
               const char    *button_label,
               const char    *action_name,
               GVariant      *target)
{
  g_autoptr(GVariant) owned_target = target != NULL ? g_variant_ref_sink (target) : NULL;
  g_autofree char *title = g_markup_escape_text (message, -1);

  if (*slot == NULL)
    {
      AdwToast *toast = adw_toast_new (title);

      g_signal_connect_object (toast, "dismissed", dismissed_cb, self, G_CONNECT_SWAPPED);
      *slot = g_object_ref (toast);
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
      adw_toast_set_action_target_value (toast, owned_target);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  adw_toast_set_title (*slot, title);
  adw_toast_set_button_label (*slot, button_label);
  adw_toast_set_action_name (*slot, action_name);
  adw_toast_set_action_target_value (*slot, owned_target);
}

static void
present_undo_toast (RectifyWindow *self,
                    const char    *message,
                    const char    *action_name)
{
  present_toast (self, &self->undo_toast, G_CALLBACK (undo_toast_dismissed_cb), message,
                 action_name != NULL ? _("_Undo") : NULL, action_name, NULL);
}

static void
show_undo_toast (RectifyWindow *self,
                 RectifyEntity *entity,
                 const char    *property)
{
  const char *message = _("Change saved");

  /* A status change still waiting for the end of its move is older than this one. */
  g_clear_handle_id (&self->status_toast_id, g_source_remove);
  g_clear_object (&self->status_toast_entity);

  /* Rapid changes of the same field share one toast; its Undo undoes all of them. */
  if (self->undo_toast != NULL &&
      self->undo_count > 0 &&
      self->undo_entity == (gpointer)entity &&
      g_strcmp0 (self->undo_property, property) == 0)
    {
      self->undo_count++;
      return;
    }

  if (RECTIFY_IS_NONCONFORMITY (entity))
    for (guint i = 0; i < G_N_ELEMENTS (change_messages); i++)
      if (g_str_equal (change_messages[i].property, property))
        message = _(change_messages[i].message);

  /* The newest change is the one to undo. */
  forget_move (self);
  self->undo_entity = entity;
  g_free (self->undo_property);
  self->undo_property = g_strdup (property);
  self->undo_count = 1;

  present_undo_toast (self, message, "win.undo-toast");
}

/* After an undo the toast offers nothing more. Undone from its own button, the toast is on its
 * way out: let it go (the next change gets a new one). Undone otherwise (Ctrl+Z), it says so. */
static void
retire_undo_toast (RectifyWindow *self,
                   const char    *message,
                   gboolean       from_toast)
{
  forget_move (self);
  self->undo_entity = NULL;
  g_clear_pointer (&self->undo_property, g_free);
  self->undo_count = 0;

  if (self->undo_toast == NULL)
    return;

  if (from_toast)
    {
      g_signal_handlers_disconnect_by_data (self->undo_toast, self);
      g_clear_object (&self->undo_toast);
    }
  else
    present_undo_toast (self, message, NULL);
}

static void
nc_items_changed_cb (RectifyWindow *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *model)
{
  update_count (self);
}

static void
audits_changed_cb (RectifyWindow *self,
                   guint          position,
                   guint          removed,
                   guint          added,
                   GListModel    *model)
{
  rebuild_audit_filter (self);
}

static void
selection_changed_cb (RectifyWindow      *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  RectifyNonconformity *nc = gtk_single_selection_get_selected_item (selection);

  /* An NC that a filter hides keeps its place in the editor. */
  if (nc == NULL || nc == rectify_nc_editor_get_nonconformity (self->editor))
    return;

  set_editor_nonconformity (self, nc);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

static void
column_view_activate_cb (RectifyWindow *self,
                         guint          position)
{
  g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (G_LIST_MODEL (self->filter_model),
                                                              position);

  if (nc == NULL)
    return;

  set_editor_nonconformity (self, nc);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

static void
back_clicked_cb (RectifyWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_changed_cb (RectifyWindow *self)
{
  update_search (self);
  refilter (self);
}

static void
stop_search_cb (RectifyWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
filter_changed_cb (RectifyWindow *self)
{
  guint audit = gtk_drop_down_get_selected (self->audit_filter);

  self->status = status_from_position (gtk_drop_down_get_selected (self->status_filter));
  self->grade = (int)gtk_drop_down_get_selected (self->grade_filter) - 1;
  self->source = (int)gtk_drop_down_get_selected (self->source_filter) - 1;
  self->theme = (int)gtk_drop_down_get_selected (self->theme_filter) - 1;
  self->audit_id = (audit > 0 && audit - 1 < self->audit_ids->len)
                   ? g_array_index (self->audit_ids, gint64, audit - 1) : -1;
  self->overdue_only = gtk_toggle_button_get_active (self->overdue_toggle);

  /* The dashboard shows the figures of the audit the register is filtered by. */
  rectify_dashboard_set_audit_id (self->dashboard, MAX (self->audit_id, 0));

  refilter (self);
}

static void
editor_error_cb (RectifyWindow   *self,
                 const char      *message,
                 RectifyNcEditor *editor)
{
  show_toast (self, message);
}

/* A similar nonconformity asked for from the editor: select it, even if a filter hid it. */
static void
editor_show_nc_cb (RectifyWindow        *self,
                   RectifyNonconformity *nc,
                   RectifyNcEditor      *editor)
{
  if (!filter_func (nc, self))
    clear_filters (self);
  select_nonconformity (self, nc);
}

static void
recent_changed_cb (RectifyWindow *self)
{
  rebuild_recent (self);
}

static void
sync_actions_page (RectifyWindow *self)
{
  if (!self->actions_page_stale)
    return;
  if (self->reg != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "actions") != 0)
    return;

  self->actions_page_stale = FALSE;
  rectify_actions_page_set_register (self->actions_page, self->reg);
}

/* The table's model, the first time the Nonconformities page shows. A GTK 4.8 list view builds
 * up to 200 rows as soon as it has a model, shown or not (GTK_LIST_VIEW_MAX_LIST_ITEMS): nine
 * cells each, about 150 ms on a register of 10,000 NCs, which a window that starts on the board
 * or the dashboard would spend for nothing. The sorted and filtered model behind it (which the
 * board shares) is there from the start. Attached when a register shows on that page, or when
 * the page shows with a register. */
static void
attach_table (RectifyWindow *self)
{
  if (self->table_attached)
    return;

  self->table_attached = TRUE;
  start_table_fill (self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

/* Shows @reg, read from @file. With @reload, @reg is the same file read again after another
 * program changed it: the filters, the page and the recent list stay as they are. */
static void
set_register_full (RectifyWindow   *self,
                   RectifyRegister *reg,
                   GFile           *file,
                   gboolean         reload)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;

  g_assert (RECTIFY_IS_WINDOW (self));
  g_assert (RECTIFY_IS_REGISTER (reg));

  /* Let the editor save what it holds into the old register first. */
  set_editor_nonconformity (self, NULL);

  if (self->reg != NULL && self->reg != reg)
    rectify_analysis_window_close_all (self->reg);
  if (self->reg != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->reg, self);
      g_signal_handlers_disconnect_by_data (rectify_register_get_nonconformities (self->reg), self);
      g_signal_handlers_disconnect_by_data (rectify_register_get_audits (self->reg), self);
    }
  /* The toasts of the old register go (long after they showed: dismissing is safe). */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  if (self->notice_toast != NULL)
    adw_toast_dismiss (self->notice_toast);
  g_clear_handle_id (&self->status_toast_id, g_source_remove);
  g_clear_object (&self->status_toast_entity);

  g_set_object (&self->reg, reg);

  rectify_nc_editor_set_register (self->editor, reg);
  /* The Actions page reads every action of the register (about three per NC): only when it is
   * first shown, so that a large register opens as fast as a small one. */
  self->actions_page_stale = TRUE;
  sync_actions_page (self);
  if (self->board_attached)
    rectify_board_set_register (self->board, reg);
  rectify_dashboard_set_register (self->dashboard, reg);

  g_signal_connect_object (reg, "changed", G_CALLBACK (register_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (rectify_register_get_nonconformities (reg), "items-changed",
                           G_CALLBACK (nc_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rectify_register_get_audits (reg), "items-changed",
                           G_CALLBACK (audits_changed_cb), self, G_CONNECT_SWAPPED);

  /* The filters are set while there are no rows (each change of a filter runs it over every
   * NC, in the table's model and in each board column), then the NCs come, filtered once. */
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  if (!reload)
    self->audit_id = -1;
  rebuild_audit_filter (self);
  if (!reload)
    clear_filters (self);
  else
    refilter (self);

  if (self->table_attached)
    start_table_fill (self);
  gtk_sort_list_model_set_model (self->sort_model, rectify_register_get_nonconformities (reg));
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "nonconformities") == 0)
    attach_table (self);
  update_count (self);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  name = register_display_name (file);
  folder = register_display_folder (file);
  adw_view_switcher_title_set_title (self->window_title, name);
  if (rectify_register_is_read_only (reg))
    {
      /* Translators: the subtitle of a register that cannot be changed; %s is its folder */
      g_autofree char *subtitle = g_strdup_printf (_("%s — Read-Only"), folder);
      /* Translators: the window's title for a register that cannot be changed; %s is its name */
      g_autofree char *title = g_strdup_printf (_("%s (Read-Only)"), name);

      adw_view_switcher_title_set_subtitle (self->window_title, subtitle);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    {
      adw_view_switcher_title_set_subtitle (self->window_title, folder);
      gtk_window_set_title (GTK_WINDOW (self), name);
    }
  gtk_revealer_set_reveal_child (self->read_only_banner, rectify_register_is_read_only (reg));

  if (!reload)
    add_recent (self, file);
  update_actions (self);
  update_count (self);

  gtk_stack_set_visible_child_name (self->main_stack, "register");
  if (!reload)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTER]);
}

static void
set_register (RectifyWindow   *self,
              RectifyRegister *reg,
              GFile           *file)
{
  set_register_full (self, reg, file, FALSE);
}

typedef struct
{
  RectifyWindow *self;
  GFile         *file;
  GCancellable  *cancellable;
  gboolean       from_session;
  /* Reading the register again after an outside change: the NC in the editor, by ref */
  gboolean       reload;
  char          *editor_ref;
  gboolean       board_editor_open;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_free (job->editor_ref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenJob, open_job_free)

static void
set_loading (RectifyWindow *self,
             gboolean       loading)
{
  if (loading)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "register");
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
    }
  else if (self->reg == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  else
    update_count (self);

  update_actions (self);
}

/* The register read again: shown with the page, the filters and the NC in the editor kept. */
static void
reload_done (RectifyWindow   *self,
             OpenJob         *job,
             RectifyRegister *reg,
             const GError    *error)
{
  RectifyNonconformity *nc;

  if (reg == NULL)
    {
      update_actions (self);
      /* Translators: %s is the technical reason */
      show_toast_printf (self, _("The register was changed by another program, and could not "
                                 "be read again: %s"), error->message);
      return;
    }

  set_register_full (self, reg, job->file, TRUE);

  nc = job->editor_ref != NULL ? rectify_register_find_nonconformity (reg, job->editor_ref) : NULL;
  if (nc != NULL)
    {
      if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "board") == 0)
        {
          if (job->board_editor_open)
            open_in_editor (self, nc);
        }
      else
        select_nonconformity (self, nc);
    }

  show_toast (self, _("Updated with changes made by another program"));
}

static void
open_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(OpenJob) job = user_data;
  RectifyWindow *self = job->self;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GError) error = NULL;

  reg = rectify_register_open_finish (result, &error);

  /* Replaced by another open, or the window went */
  if (job->cancellable != self->open_cancellable ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->open_cancellable);

  if (job->reload)
    {
      reload_done (self, job, reg, error);
      return;
    }

  if (reg != NULL)
    {
      set_register (self, reg, job->file);
      return;
    }

  set_loading (self, FALSE);

  if (job->from_session)
    {
      g_autofree char *uri = g_file_get_uri (job->file);
      g_autofree char *name = register_display_name (job->file);

      g_message ("Could not reopen %s: %s", uri, error->message);
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-register", "");
      /* Translators: %s is a register's name, then the technical reason */
      show_toast_printf (self, _("Could not reopen “%s”: %s"), name, error->message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (job->file);
      g_autofree char *body = NULL;

      g_warning ("Could not open %s: %s", name, error->message);
      /* Translators: %s is a file name, then the technical reason */
      body = g_strdup_printf (_("“%s” could not be opened: %s"), name, error->message);
      show_error_dialog (self, _("Could Not Open Register"), body);
    }
}

/* Starts reading @file in a thread for a window that is to show it (attach_open_job ()); NULL
 * when @file is not a local file. The job's window must be attached before the main loop runs
 * again: the read's callback cannot come earlier. */
static OpenJob *
start_open_job (GFile    *file,
                gboolean  from_session)
{
  g_autofree char *path = g_file_get_path (file);
  OpenJob *job;

  if (path == NULL)
    return NULL;

  job = g_new0 (OpenJob, 1);
  job->file = g_object_ref (file);
  job->cancellable = g_cancellable_new ();
  job->from_session = from_session;
  rectify_register_open_async (path, job->cancellable, open_ready_cb, job);

  return job;
}

/* @job's register shows in @self once read (or @self says why it could not be read); a read
 * under way for @self before is dropped. */
static void
attach_open_job (RectifyWindow *self,
                 OpenJob       *job)
{
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  if (job == NULL)
    {
      show_error_dialog (self, _("Could Not Open Register"),
                         _("Only registers in local folders can be opened"));
      return;
    }

  g_assert (job->self == NULL);
  job->self = g_object_ref (self);
  self->open_cancellable = g_object_ref (job->cancellable);
  set_loading (self, TRUE);
}

static void
open_file_async (RectifyWindow *self,
                 GFile         *file,
                 gboolean       from_session)
{
  attach_open_job (self, start_open_job (file, from_session));
}

/* Reads the register again in a thread, the current one staying on screen meanwhile. */
static void
reload_register (RectifyWindow *self)
{
  RectifyNonconformity *shown = rectify_nc_editor_get_nonconformity (self->editor);
  OpenJob *job;

  /* What the editor holds goes into the file first, so the new reading has it */
  _rectify_nc_editor_flush (self->editor);

  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  job = g_new0 (OpenJob, 1);
  job->self = g_object_ref (self);
  job->file = g_file_new_for_path (rectify_register_get_path (self->reg));
  job->cancellable = g_object_ref (self->open_cancellable);
  job->reload = TRUE;
  job->editor_ref = shown != NULL ? g_strdup (rectify_nonconformity_get_ref (shown)) : NULL;
  job->board_editor_open = self->board_editor_open;

  update_actions (self);
  rectify_register_open_async (rectify_register_get_path (self->reg), self->open_cancellable,
                               open_ready_cb, job);
}

/* Another program (rectify-cli, a second window on the same file, a colleague on a shared
 * folder) may change the open register: looked for every few seconds and when the window
 * becomes active (a cheap PRAGMA, see rectify_register_changed_outside ()); then the register
 * is read again. Not while an analysis window of it is open (it would close under the user's
 * hands): then when the last one closes, at the next look. */
static gboolean
check_outside_cb (gpointer user_data)
{
  RectifyWindow *self = user_data;

  if (self->reg == NULL || self->open_cancellable != NULL)
    return G_SOURCE_CONTINUE;

  if (rectify_register_changed_outside (self->reg))
    self->outside_pending = TRUE;

  if (self->outside_pending && !rectify_analysis_window_any (self->reg))
    {
      self->outside_pending = FALSE;
      reload_register (self);
    }

  return G_SOURCE_CONTINUE;
}

static void
active_changed_cb (RectifyWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    check_outside_cb (self);
}

static void
open_interactive (RectifyWindow *self,
                  GFile         *file)
{
  open_file_async (self, file, FALSE);
}

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(RectifyWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        open_interactive (self, file);
    }

  g_object_unref (native);
}

static void
new_response_cb (GtkNativeDialog *native,
                 int              response,
                 gpointer         user_data)
{
  g_autoptr(RectifyWindow) self = user_data;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT ||
      (chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) == NULL)
    goto out;

  if ((path = g_file_get_path (chosen)) == NULL)
    {
      show_error_dialog (self, _("Could Not Create Register"),
                         _("A register can only be created in a local folder."));
      goto out;
    }

  if (!g_str_has_suffix (path, REGISTER_SUFFIX))
    {
      char *with_suffix = g_strconcat (path, REGISTER_SUFFIX, NULL);

      g_free (path);
      path = with_suffix;
    }

  file = g_file_new_for_path (path);
  if (!(reg = rectify_register_create (path, &error)))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *body = NULL;

      g_warning ("Could not create %s: %s", path, error->message);
      /* Translators: %s is a file name, then the technical reason */
      body = g_strdup_printf (_("“%s” could not be created: %s"), name, error->message);
      show_error_dialog (self, _("Could Not Create Register"), body);
      goto out;
    }

  /* A new register starts with the deadline policy of the preferences. */
  if (!rectify_settings_apply_default_policy (self->settings, reg, &error))
    {
      g_warning ("Could not set the default deadline policy on %s: %s", path, error->message);
      g_clear_error (&error);
    }

  set_register (self, reg, file);

out:
  g_object_unref (native);
}

/* Actions */

static void
new_nc_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);
  g_autoptr(RectifyNonconformity) nc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = rectify_date_today ();

  if (self->reg == NULL)
    return;

  nc = rectify_nonconformity_new ();
  g_object_set (nc,
                "reported-on", today,
                "reported-by", rectify_register_get_user (self->reg),
                NULL);

  if (!rectify_register_add (self->reg, RECTIFY_ENTITY (nc), &error))
    {
      g_warning ("Could not add a nonconformity: %s", error->message);
      /* Translators: %s is a technical error message */
      show_toast_printf (self, _("Could not add a nonconformity: %s"), error->message);
      return;
    }

  /* Make sure the new NC is in view. */
  adw_view_stack_set_visible_child_name (self->view_stack, "nonconformities");
  clear_filters (self);
  select_nonconformity (self, nc);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
  rectify_nc_editor_focus_title (self->editor);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);

  if (self->reg == NULL)
    return;

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  /* The search filters the board too. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "board") != 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "nonconformities");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  clear_filters (RECTIFY_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  /* The toast's Undo (win.undo-toast) undoes the run of changes it covers; Ctrl+Z (win.undo)
   * too while the toast shows it, else the last change. */
  gboolean from_toast = g_str_equal (action_name, "win.undo-toast");
  guint count = self->undo_toast != NULL && self->undo_count > 0 ? self->undo_count : 1;
  gboolean ok = TRUE;

  if (self->reg == NULL)
    return;

  self->undoing = TRUE;
  for (guint i = 0; i < count && ok && rectify_register_can_undo (self->reg); i++)
    ok = rectify_register_undo (self->reg, &error);
  self->undoing = FALSE;

  if (!ok)
    {
      g_autofree char *message = NULL;

      g_warning ("Undo failed: %s", error->message);
      /* Translators: %s is a technical error message */
      message = g_strdup_printf (_("Undo failed: %s"), error->message);
      present_toast (self, &self->notice_toast, G_CALLBACK (notice_toast_dismissed_cb),
                     message, NULL, NULL, NULL);
      retire_undo_toast (self, message, from_toast);
    }
  else
    retire_undo_toast (self, _("Change undone"), from_toast);

  update_actions (self);
}

/* The Undo of a move on the board: a move back, through the workflow rules, so the history shows
 * it. A move the rules do not allow back (out of Closed, or back into it after a reopening) is
 * taken back by the undo stack instead, as long as nothing else changed since. */
static void
undo_move_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);
  g_autoptr(RectifyNonconformity) nc = NULL;
  g_autoptr(GError) error = NULL;
  RectifyStatus from = self->move_from;
  RectifyStatus to = self->move_to;
  gboolean was_last = self->move_is_last;
  g_autofree char *message = NULL;
  gboolean ok;

  if (self->reg == NULL || self->move_nc == NULL)
    return;

  /* Only the toast's button offers this: the toast is on its way out. */
  nc = g_object_ref (self->move_nc);
  retire_undo_toast (self, NULL, TRUE);

  /* Moved again since (in the editor, say): there is nothing to take back. */
  if (rectify_nonconformity_get_status (nc) != to)
    return;

  self->undoing = TRUE;
  ok = rectify_register_move (self->reg, nc, from, NULL, &error);
  if (!ok && was_last && rectify_register_can_undo (self->reg) &&
      g_error_matches (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_REFUSED))
    {
      g_clear_error (&error);
      ok = rectify_register_undo (self->reg, &error);
    }
  self->undoing = FALSE;

  if (!ok)
    {
      /* A refusal of the rules is an answer, not a failure. */
      if (!g_error_matches (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_REFUSED))
        g_warning ("Could not move %s back: %s", rectify_nonconformity_get_ref (nc), error->message);
      /* Translators: %s is a nonconformity's reference, then the reason */
      message = g_strdup_printf (_("%s could not be moved back: %s"),
                                 rectify_nonconformity_get_ref (nc), error->message);
      present_toast (self, &self->notice_toast, G_CALLBACK (notice_toast_dismissed_cb),
                     message, NULL, NULL, NULL);
    }

  update_actions (self);
}

static void
open_nc_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);
  RectifyNonconformity *nc;

  if (self->reg == NULL)
    return;

  nc = rectify_register_lookup_nonconformity (self->reg, g_variant_get_int64 (param));
  if (nc != NULL)
    open_in_editor (self, nc);
}

/* win.open-nc-at ((id, condition)): the NC in the editor, at the first item a refused move
 * found missing */
static void
open_nc_at_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);
  RectifyNonconformity *nc;
  gint64 id;
  int condition;

  if (self->reg == NULL)
    return;

  g_variant_get (param, "(xi)", &id, &condition);
  nc = rectify_register_lookup_nonconformity (self->reg, id);
  if (nc == NULL)
    return;

  open_in_editor (self, nc);
  rectify_nc_editor_reveal_condition (self->editor, condition);
}

static void
close_editor_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);

  self->board_editor_open = FALSE;
  update_panes (self);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "rectify", NULL);
  g_autofree char *path = g_build_filename (dir, "Demo" REGISTER_SUFFIX, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      open_interactive (self, file);
      return;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_autofree char *body = NULL;

      /* Translators: %s is a folder, then the technical reason */
      body = g_strdup_printf (_("The folder “%s” could not be created: %s"),
                              dir, g_strerror (errsv));
      show_error_dialog (self, _("Could Not Create the Demo"), body);
      return;
    }

  if (!(reg = rectify_register_create (path, &error)) ||
      !rectify_demo_populate (reg, NULL, &error))
    {
      g_warning ("Could not create the demo register: %s", error->message);
      if (reg != NULL)
        {
          /* Do not leave a half-filled demo behind. */
          g_clear_object (&reg);
          g_file_delete (file, NULL, NULL);
        }
      show_error_dialog (self, _("Could Not Create the Demo"), error->message);
      return;
    }

  set_register (self, reg, file);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  open_interactive (self, file);
}

static void
remove_recent_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);
  const char *uri = g_variant_get_string (param, NULL);
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;

  if (self->settings == NULL)
    return;

  old = g_settings_get_strv (self->settings, "recent-registers");
  for (guint i = 0; old[i] != NULL; i++)
    if (g_strcmp0 (old[i], uri) != 0)
      g_strv_builder_add (builder, old[i]);
  recent = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "recent-registers", (const char * const *)recent);
}

/* Export of the corrective action plan */

typedef struct
{
  RectifyExportSnapshot *snapshot;
  char                  *path;
  GFile                 *file;
  int                    permille;   /* atomic: progress of the writing thread */
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->snapshot, rectify_export_snapshot_free);
  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job);
}

/* Called in the writing thread. */
static void
export_progress_cb (double   fraction,
                    gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->permille, (int)(CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (!rectify_export_snapshot_write (job->snapshot, job->path, export_progress_cb, job,
                                      cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
export_progress_tick_cb (gpointer user_data)
{
  RectifyWindow *self = user_data;
  ExportJob *job;

  if (self->export_task == NULL)
    {
      self->export_progress_id = 0;
      return G_SOURCE_REMOVE;
    }

  job = g_task_get_task_data (self->export_task);
  gtk_progress_bar_set_fraction (self->export_progress,
                                 g_atomic_int_get (&job->permille) / 1000.0);

  /* Small registers are written before a progress bar would be worth showing. */
  if (!gtk_revealer_get_reveal_child (self->export_revealer) &&
      g_get_monotonic_time () - self->export_started > EXPORT_PROGRESS_DELAY_MS * 1000)
    gtk_revealer_set_reveal_child (self->export_revealer, TRUE);

  return G_SOURCE_CONTINUE;
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RectifyWindow *self = RECTIFY_WINDOW (source);
  GTask *task = G_TASK (result);
  ExportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *uri = g_file_get_uri (job->file);
  g_autofree char *title = NULL;
  gboolean ok = g_task_propagate_boolean (task, &error);
  AdwToast *toast;

  /* The window went away while the workbook was written. */
  if (self->export_task != task)
    return;

  g_clear_object (&self->export_task);
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->export_progress_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  update_actions (self);

  if (!ok)
    {
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_toast (self, _("Export cancelled"));
          return;
        }

      g_warning ("Could not export %s: %s", job->path, error->message);
      /* Translators: %s is a file name, then the technical reason */
      body = g_strdup_printf (_("“%s” could not be written: %s"), name, error->message);
      show_error_dialog (self, _("Could Not Export the Plan"), body);
      return;
    }

  title = g_markup_escape_text (_("Corrective action plan exported"), -1);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target (toast, "s", uri);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "Nordlicht-CAP-2026-11-23.xlsx": the first word of the organisation, and today. */
static char *
suggested_export_name (RectifyWindow *self)
{
  g_autofree char *organisation = rectify_register_get_info (self->reg, "organisation");
  g_autofree char *today = rectify_date_today ();
  g_autoptr(GString) word = g_string_new (NULL);

  if (organisation != NULL)
    {
      for (const char *p = organisation; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c))
            g_string_append_unichar (word, c);
          else if (word->len > 0)
            break;
        }
    }

  if (word->len == 0)
    return g_strdup_printf ("CAP-%s" WORKBOOK_SUFFIX, today);

  return g_strdup_printf ("%s-CAP-%s" WORKBOOK_SUFFIX, word->str, today);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(RectifyWindow) self = user_data;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *scope;
  RectifyAudit *audit = NULL;

  if (response != GTK_RESPONSE_ACCEPT || self->reg == NULL ||
      (chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) == NULL)
    goto out;

  if ((path = g_file_get_path (chosen)) == NULL)
    {
      show_error_dialog (self, _("Could Not Export the Plan"),
                         _("The plan can only be saved in a local folder."));
      goto out;
    }

  if (!g_str_has_suffix (path, WORKBOOK_SUFFIX))
    {
      char *with_suffix = g_strconcat (path, WORKBOOK_SUFFIX, NULL);

      g_free (path);
      path = with_suffix;
    }
  file = g_file_new_for_path (path);

  scope = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "scope");
  if (scope != NULL && g_str_has_prefix (scope, "audit:"))
    {
      gint64 id = g_ascii_strtoll (scope + strlen ("audit:"), NULL, 10);

      audit = rectify_register_lookup_audit (self->reg, id);
    }

  _rectify_window_export_to (self, file, audit);

out:
  g_object_unref (native);
}

static void
open_export_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RectifyWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_warning ("Could not open the workbook: %s", error->message);
      /* Translators: %s is a technical error message */
      show_toast_printf (self, _("Could not open the workbook: %s"), error->message);
    }
}

/* Import of findings */

static void
findings_imported_cb (RectifyWindow       *self,
                      guint                n_created,
                      RectifyImportDialog *dialog)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "nonconformities");
  show_toast_printf (self,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%'u finding imported",
                                  "%'u findings imported",
                                  n_created),
                     n_created);
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(RectifyWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->reg != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        _rectify_window_import_file (self, file);
    }

  g_object_unref (native);
}

/* The board's seven columns filter every NC of the register: they start the first time the board
 * shows, not for every register opened. The board shares the table's filters and order. */
static void
attach_board (RectifyWindow *self)
{
  if (self->board_attached)
    return;

  self->board_attached = TRUE;
  /* The board shows what the table shows: the sorted NCs through the same filter */
  rectify_board_set_filter (self->board, GTK_FILTER (self->filter));
  rectify_board_set_filter_model (self->board, G_LIST_MODEL (self->sort_model));
  rectify_board_set_register (self->board, self->reg);
}

static void
view_changed_cb (RectifyWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "nonconformities") == 0 && self->reg != NULL)
    attach_table (self);
  sync_actions_page (self);

  if (g_strcmp0 (name, "board") == 0)
    attach_board (self);
  else
    self->board_editor_open = FALSE;

  update_panes (self);
}

static void
folded_changed_cb (RectifyWindow *self)
{
  update_panes (self);
}

static void
board_activate_nc_cb (RectifyWindow        *self,
                      RectifyNonconformity *nc,
                      RectifyBoard         *board)
{
  open_in_editor (self, nc);
}

static void
board_moved_cb (RectifyWindow        *self,
                RectifyNonconformity *nc,
                int                   from,
                int                   to,
                RectifyBoard         *board)
{
  /* The move's own toast takes the place of the "Status changed" one. */
  g_clear_handle_id (&self->status_toast_id, g_source_remove);
  g_clear_object (&self->status_toast_entity);

  self->undo_entity = NULL;
  g_clear_pointer (&self->undo_property, g_free);
  self->undo_count = 0;
  g_set_object (&self->move_nc, nc);
  self->move_from = (RectifyStatus)from;
  self->move_to = (RectifyStatus)to;
  self->move_is_last = TRUE;

  present_undo_toast (self, rectify_board_get_last_message (board), "win.undo-move");
}

static void
board_move_refused_cb (RectifyWindow        *self,
                       RectifyNonconformity *nc,
                       const char           *message,
                       int                   first_condition,
                       RectifyBoard         *board)
{
  gboolean fixable;

  /* A missing item can be fixed in the editor; a move that is simply not allowed cannot. */
  fixable = first_condition != RECTIFY_WORKFLOW_CONDITION_NONE &&
            first_condition != RECTIFY_WORKFLOW_CONDITION_INVALID_STATUS &&
            first_condition != RECTIFY_WORKFLOW_CONDITION_SAME_STATUS &&
            first_condition != RECTIFY_WORKFLOW_CONDITION_ONE_STEP &&
            first_condition != RECTIFY_WORKFLOW_CONDITION_CLOSED;

  if (fixable)
    present_toast (self, &self->notice_toast, G_CALLBACK (notice_toast_dismissed_cb), message,
                   _("_Open"), "win.open-nc-at",
                   g_variant_new ("(xi)", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                                  first_condition));
  else
    present_toast (self, &self->notice_toast, G_CALLBACK (notice_toast_dismissed_cb), message,
                   NULL, NULL, NULL);
  /* Long enough to read what is missing */
  adw_toast_set_timeout (self->notice_toast, 8);
}

/* A bar or a figure of the dashboard: those NCs in the register, within the audit in scope. */
static void
dashboard_show_ncs_cb (RectifyWindow    *self,
                       int               status,
                       int               grade,
                       int               source,
                       int               theme,
                       gboolean          overdue,
                       RectifyDashboard *dashboard)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  update_search (self);

  gtk_drop_down_set_selected (self->status_filter, status_to_position (status));
  gtk_drop_down_set_selected (self->grade_filter, grade >= 0 ? (guint)grade + 1 : 0);
  gtk_drop_down_set_selected (self->source_filter, source >= 0 ? (guint)source + 1 : 0);
  gtk_drop_down_set_selected (self->theme_filter, theme >= 0 ? (guint)theme + 1 : 0);
  gtk_toggle_button_set_active (self->overdue_toggle, overdue);
  refilter (self);

  adw_view_stack_set_visible_child_name (self->view_stack, "nonconformities");
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* The audit picked on the dashboard is the audit the register is filtered by. */
static void
dashboard_audit_cb (RectifyWindow    *self,
                    GParamSpec       *pspec,
                    RectifyDashboard *dashboard)
{
  gint64 id = rectify_dashboard_get_audit_id (dashboard);
  guint position = 0;

  if (id == MAX (self->audit_id, 0))
    return;

  for (guint i = 0; i < self->audit_ids->len; i++)
    if (g_array_index (self->audit_ids, gint64, i) == id)
      position = i + 1;

  gtk_drop_down_set_selected (self->audit_filter, position);
}

static void
actions_page_show_nc_cb (RectifyWindow        *self,
                         RectifyNonconformity *nc,
                         RectifyActionsPage   *page)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "nonconformities");
  if (!filter_func (nc, self))
    clear_filters (self);
  select_nonconformity (self, nc);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) workbooks = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GListModel *audits;
  guint n_audits;

  if (self->reg == NULL || self->export_task != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Corrective Action Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (workbooks, _("Excel workbooks"));
  gtk_file_filter_add_pattern (workbooks, "*" WORKBOOK_SUFFIX);
  gtk_file_filter_add_mime_type (workbooks,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), workbooks);

  name = suggested_export_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  /* The scope: the whole register or the NCs of one audit. */
  audits = rectify_register_get_audits (self->reg);
  n_audits = g_list_model_get_n_items (audits);
  if (n_audits > 0)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *selected = NULL;

      g_ptr_array_add (ids, g_strdup ("all"));
      g_ptr_array_add (labels, g_strdup (_("The whole register")));
      for (guint i = 0; i < n_audits; i++)
        {
          g_autoptr(RectifyAudit) audit = g_list_model_get_item (audits, i);
          gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (audit));
          const char *title = rectify_audit_get_title (audit);

          g_ptr_array_add (ids, g_strdup_printf ("audit:%" G_GINT64_FORMAT, id));
          g_ptr_array_add (labels, g_strdup (title != NULL ? title : ""));
          if (id == self->audit_id)
            selected = g_strdup (ids->pdata[ids->len - 1]);
        }
      g_ptr_array_add (ids, NULL);
      g_ptr_array_add (labels, NULL);

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "scope", _("Nonconformities of"),
                                   (const char **)ids->pdata, (const char **)labels->pdata);
      /* The audit the table is filtered by, if any. */
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "scope",
                                   selected != NULL ? selected : "all");
    }

  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);
  g_autoptr(GdkAppLaunchContext) context = NULL;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL),
                                           G_APP_LAUNCH_CONTEXT (context), NULL,
                                           open_export_done_cb, g_object_ref (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->reg == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Import Findings"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), csv);

  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Vfuncs */

static void
rectify_window_unmap (GtkWidget *widget)
{
  RectifyWindow *self = RECTIFY_WINDOW (widget);
  int width, height;

  if (self->settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      g_settings_set_string (self->settings, "last-page",
                             adw_view_stack_get_visible_child_name (self->view_stack));
      if (!maximized)
        {
          gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  GTK_WIDGET_CLASS (rectify_window_parent_class)->unmap (widget);
}

static void
rectify_window_dispose (GObject *object)
{
  RectifyWindow *self = RECTIFY_WINDOW (object);

  g_clear_handle_id (&self->outside_id, g_source_remove);

  /* Analysis windows of this register go with it. */
  if (self->reg != NULL)
    rectify_analysis_window_close_all (self->reg);

  if (self->reg != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->reg, self);
      g_signal_handlers_disconnect_by_data (rectify_register_get_nonconformities (self->reg), self);
      g_signal_handlers_disconnect_by_data (rectify_register_get_audits (self->reg), self);
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  /* A register being read, or an export under way, finishes in its thread; its result is
   * dropped. */
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_task);
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->export_progress_id, g_source_remove);
  g_clear_handle_id (&self->status_toast_id, g_source_remove);
  g_clear_object (&self->status_toast_entity);

  /* The editor may still save a pending edit into the register while it goes. */
  if (self->editor != NULL)
    set_editor_nonconformity (self, NULL);

  /* The board keeps the sorted model and the filter (whose function reads this window) alive
   * until it goes: let go of them first, so no change of the models reaches this window's
   * widgets while they are torn down. */
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->board != NULL)
    {
      rectify_board_set_register (self->board, NULL);
      rectify_board_set_filter_model (self->board, NULL);
      rectify_board_set_filter (self->board, NULL);
    }
  if (self->dashboard != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dashboard, self);
      rectify_dashboard_set_register (self->dashboard, NULL);
    }

  /* (no fill starts again as the columns go) */
  self->table_attached = FALSE;
  stop_table_fill (self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->table_rows);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->audit_names);
  g_clear_object (&self->undo_toast);
  g_clear_object (&self->notice_toast);
  g_clear_object (&self->move_nc);
  g_clear_object (&self->reg);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rectify_window_parent_class)->dispose (object);
}

static void
rectify_window_finalize (GObject *object)
{
  RectifyWindow *self = RECTIFY_WINDOW (object);

  g_clear_pointer (&self->search_hits, g_hash_table_unref);
  g_clear_pointer (&self->search_ids, g_array_unref);
  g_clear_pointer (&self->audit_ids, g_array_unref);
  g_clear_pointer (&self->undo_property, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rectify_window_parent_class)->finalize (object);
}

static void
rectify_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RectifyWindow *self = RECTIFY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      g_value_set_object (value, self->reg);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_window_class_init (RectifyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_window_dispose;
  object_class->finalize = rectify_window_finalize;
  object_class->get_property = rectify_window_get_property;

  /* The open register; notified each time one is opened. */
  properties[PROP_REGISTER] =
    g_param_spec_object ("register", NULL, NULL, RECTIFY_TYPE_REGISTER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->unmap = rectify_window_unmap;

  g_type_ensure (RECTIFY_TYPE_NC_EDITOR);
  g_type_ensure (RECTIFY_TYPE_ACTIONS_PAGE);
  g_type_ensure (RECTIFY_TYPE_BOARD);
  g_type_ensure (RECTIFY_TYPE_DASHBOARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, list_header);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, editor_separator);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, filter_box);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, nc_page);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, board);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, actions_page);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, dashboard);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, export_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, export_progress);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, editor_title);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, close_editor_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, grade_filter);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, source_filter);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, theme_filter);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, audit_filter);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, board_activate_nc_cb);
  gtk_widget_class_bind_template_callback (widget_class, board_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, board_move_refused_cb);
  gtk_widget_class_bind_template_callback (widget_class, dashboard_show_ncs_cb);
  gtk_widget_class_bind_template_callback (widget_class, dashboard_audit_cb);

  gtk_widget_class_install_action (widget_class, "win.new-nc", NULL, new_nc_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-toast", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-move", NULL, undo_move_action);
  gtk_widget_class_install_action (widget_class, "win.open-nc", "x", open_nc_action);
  gtk_widget_class_install_action (widget_class, "win.open-nc-at", "(xi)", open_nc_at_action);
  gtk_widget_class_install_action (widget_class, "win.close-editor", NULL, close_editor_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.remove-recent", "s", remove_recent_action);
}

static GtkStringList *
enum_filter_model (const char *all_label,
                   GType       enum_type,
                   int         n_values)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all_label);
  for (int i = 0; i < n_values; i++)
    gtk_string_list_append (list, rectify_enum_to_label (enum_type, i));

  return list;
}

/* The window's settings; NULL when the schema is not installed (running uninstalled without
 * GSETTINGS_SCHEMA_DIR). (transfer full) */
static GSettings *
window_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE)))
    return NULL;

  return g_settings_new (BASE_ID);
}

static void
rectify_window_init (RectifyWindow *self)
{
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) grades = NULL;
  g_autoptr(GtkStringList) sources = NULL;
  g_autoptr(GtkStringList) themes = NULL;
  GtkColumnViewColumn *ref_column;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = rectify_date_today ();
  self->status = self->grade = self->source = self->theme = -1;
  self->audit_id = -1;
  self->audit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  adw_status_page_set_icon_name (self->welcome_page, APP_ID);

  /* Settings (absent only when running uninstalled without GSETTINGS_SCHEMA_DIR). */
  if ((self->settings = window_settings_new ()) != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_signal_connect_object (self->settings, "changed::recent-registers",
                               G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      g_message ("GSettings schema %s not installed; window state and recent registers "
                 "are not kept", BASE_ID);
      gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
    }

  /* Filters */
  statuses = enum_filter_model (_("All Statuses"), RECTIFY_TYPE_STATUS, RECTIFY_N_STATUSES);
  /* Translators: in the status filter, every nonconformity that is not closed */
  gtk_string_list_splice (statuses, 1, 0, (const char * const []) { _("All Open"), NULL });
  grades = enum_filter_model (_("All Grades"), RECTIFY_TYPE_GRADE, RECTIFY_N_GRADES);
  sources = enum_filter_model (_("All Sources"), RECTIFY_TYPE_SOURCE, RECTIFY_N_SOURCES);
  /* Translators: in the filter by Annex A theme (or clauses 4-10) of the requirement */
  themes = gtk_string_list_new ((const char * const []) { _("All Themes"), NULL });
  for (guint t = 0; t < RECTIFY_CATALOGUE_N_THEMES; t++)
    gtk_string_list_append (themes, rectify_catalogue_theme_get_label (t));
  self->audit_names = gtk_string_list_new ((const char * const []) { _("All Audits"), NULL });
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->grade_filter, G_LIST_MODEL (grades));
  gtk_drop_down_set_model (self->source_filter, G_LIST_MODEL (sources));
  gtk_drop_down_set_model (self->theme_filter, G_LIST_MODEL (themes));
  gtk_drop_down_set_model (self->audit_filter, G_LIST_MODEL (self->audit_names));

  /* The button inside each drop-down takes the drop-down's accessible label */
  rectify_accessible_name_drop_down (self->status_filter);
  rectify_accessible_name_drop_down (self->grade_filter);
  rectify_accessible_name_drop_down (self->source_filter);
  rectify_accessible_name_drop_down (self->theme_filter);
  rectify_accessible_name_drop_down (self->audit_filter);

  g_signal_connect_object (self->status_filter, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grade_filter, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_filter, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->theme_filter, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->audit_filter, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overdue_toggle, "notify::active",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  /* The table */
  ref_column = _rectify_nc_columns_add (self->column_view, self->today);
  /* Before the sort model's own handler: a new order is a new set of rows, filled from the
   * first (see refilter ()) */
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  self->sort_model = gtk_sort_list_model_new (NULL,
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->table_n_rows = G_MAXUINT;
  self->table_rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                               0, self->table_n_rows);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->table_rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_sort_by_column (self->column_view, ref_column, GTK_SORT_ASCENDING);

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (nc_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "error",
                           G_CALLBACK (editor_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "show-nonconformity",
                           G_CALLBACK (editor_show_nc_cb), self, G_CONNECT_SWAPPED);

  /* The entry sits in a clamp, so the bar does not find it by itself. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->nc_page);

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  self->outside_id = g_timeout_add_seconds (OUTSIDE_CHECK_SECONDS, check_outside_cb, self);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (folded_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actions_page, "show-nonconformity",
                           G_CALLBACK (actions_page_show_nc_cb), self, G_CONNECT_SWAPPED);

  /* The page in use when a window last closed */
  if (self->settings != NULL)
    {
      g_autofree char *page = g_settings_get_string (self->settings, "last-page");

      if (adw_view_stack_get_child_by_name (self->view_stack, page) != NULL)
        adw_view_stack_set_visible_child_name (self->view_stack, page);
    }
  view_changed_cb (self);

  rebuild_recent (self);
  update_actions (self);
  update_panes (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

/* Public API */

RectifyWindow *
rectify_window_new (GtkApplication *application)
{
  return g_object_new (RECTIFY_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

gboolean
rectify_window_open_file (RectifyWindow  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(RectifyRegister) reg = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only registers in local folders can be opened"));
      return FALSE;
    }

  if (!(reg = rectify_register_open (path, error)))
    return FALSE;

  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  set_register (self, reg, file);

  return TRUE;
}

/* The register the previous session ended on, if any (transfer full) (nullable) */
static GFile *
session_file (GSettings *settings)
{
  g_autofree char *uri = NULL;

  if (settings == NULL)
    return NULL;

  uri = g_settings_get_string (settings, "last-register");
  if (uri == NULL || *uri == '\0')
    return NULL;

  return g_file_new_for_uri (uri);
}

void
rectify_window_restore_session (RectifyWindow *self)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (RECTIFY_IS_WINDOW (self));

  /* Read in a thread while the window is drawn: a large register opens about as fast as a
   * small one. */
  if ((file = session_file (self->settings)) != NULL)
    open_file_async (self, file, TRUE);
}

/**
 * rectify_window_new_for_file:
 * @application: the application
 * @file: a register file
 *
 * A window that opens @file, as rectify_window_new () then rectify_window_open_file_async (),
 * except that the register is read from before the window is built (about 100 ms of widgets),
 * beside it: a large register shows sooner.
 */
RectifyWindow *
rectify_window_new_for_file (GtkApplication *application,
                             GFile          *file)
{
  OpenJob *job;
  RectifyWindow *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  job = start_open_job (file, FALSE);
  self = rectify_window_new (application);
  attach_open_job (self, job);

  return self;
}

/**
 * rectify_window_new_restoring_session:
 * @application: the application
 *
 * A window that reopens the register of the previous session, as rectify_window_new () then
 * rectify_window_restore_session (), with the register read beside the window's building.
 */
RectifyWindow *
rectify_window_new_restoring_session (GtkApplication *application)
{
  g_autoptr(GSettings) settings = window_settings_new ();
  g_autoptr(GFile) file = session_file (settings);
  OpenJob *job = NULL;
  RectifyWindow *self;

  /* (a file in the settings that is not local is said by attach_open_job ()) */
  if (file != NULL)
    job = start_open_job (file, TRUE);
  self = rectify_window_new (application);
  if (file != NULL)
    attach_open_job (self, job);

  return self;
}

/**
 * rectify_window_open_file_async:
 *
 * Opens @file in the window, reading it in a thread; the window shows that it is opening, then
 * the register, or says why it could not be opened.
 */
void
rectify_window_open_file_async (RectifyWindow *self,
                                GFile         *file)
{
  g_return_if_fail (RECTIFY_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  open_file_async (self, file, FALSE);
}

gboolean
rectify_window_is_opening (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), FALSE);

  return self->open_cancellable != NULL;
}

RectifyRegister *
rectify_window_get_register (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);

  return self->reg;
}

void
rectify_window_show_nonconformity (RectifyWindow        *self,
                                   RectifyNonconformity *nc)
{
  g_return_if_fail (RECTIFY_IS_WINDOW (self));
  g_return_if_fail (RECTIFY_IS_NONCONFORMITY (nc));
  g_return_if_fail (self->reg != NULL);

  actions_page_show_nc_cb (self, nc, self->actions_page);
}

void
rectify_window_show_open_dialog (RectifyWindow *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) registers = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (RECTIFY_IS_WINDOW (self));

  native = gtk_file_chooser_native_new (_("Open Register"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (registers, _("Rectify registers"));
  gtk_file_filter_add_pattern (registers, "*" REGISTER_SUFFIX);
  gtk_file_filter_add_mime_type (registers, "application/x-rectify-register");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), registers);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), registers);

  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
rectify_window_show_new_dialog (RectifyWindow *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) registers = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  g_return_if_fail (RECTIFY_IS_WINDOW (self));

  native = gtk_file_chooser_native_new (_("New Register"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (registers, _("Rectify registers"));
  gtk_file_filter_add_pattern (registers, "*" REGISTER_SUFFIX);
  gtk_file_filter_add_mime_type (registers, "application/x-rectify-register");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), registers);

  /* Translators: the suggested file name of a new register, without the suffix */
  name = g_strconcat (_("Register"), REGISTER_SUFFIX, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (new_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* For tests */

GtkColumnView *
_rectify_window_get_column_view (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->column_view;
}

gboolean
_rectify_window_is_table_filling (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), FALSE);
  return self->table_n_rows != G_MAXUINT;
}

GListModel *
_rectify_window_get_filtered (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

RectifyNcEditor *
_rectify_window_get_editor (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->editor;
}

GtkDropDown *
_rectify_window_get_grade_filter (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->grade_filter;
}

GtkDropDown *
_rectify_window_get_status_filter (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->status_filter;
}

GtkDropDown *
_rectify_window_get_source_filter (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->source_filter;
}

GtkDropDown *
_rectify_window_get_theme_filter (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);

  return self->theme_filter;
}

GtkDropDown *
_rectify_window_get_audit_filter (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->audit_filter;
}

GtkToggleButton *
_rectify_window_get_overdue_toggle (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->overdue_toggle;
}

GtkEditable *
_rectify_window_get_search_entry (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkLabel *
_rectify_window_get_count_label (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->count_label;
}

const char *
_rectify_window_get_page (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

AdwViewStack *
_rectify_window_get_view_stack (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->view_stack;
}

RectifyActionsPage *
_rectify_window_get_actions_page (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);

  /* Tests look at the page without showing it */
  if (self->actions_page_stale)
    {
      self->actions_page_stale = FALSE;
      rectify_actions_page_set_register (self->actions_page, self->reg);
    }

  return self->actions_page;
}

RectifyBoard *
_rectify_window_get_board (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->board;
}

RectifyDashboard *
_rectify_window_get_dashboard (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->dashboard;
}

GtkWidget *
_rectify_window_get_editor_pane (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->editor_pane;
}

AdwToastOverlay *
_rectify_window_get_toast_overlay (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->toast_overlay;
}

gboolean
_rectify_window_export_to (RectifyWindow *self,
                           GFile         *file,
                           RectifyAudit  *audit)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  ExportJob *job;
  char *path;

  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (audit == NULL || RECTIFY_IS_AUDIT (audit), FALSE);

  if (self->reg == NULL || self->export_task != NULL)
    return FALSE;

  if ((path = g_file_get_path (file)) == NULL)
    {
      show_error_dialog (self, _("Could Not Export the Plan"),
                         _("The plan can only be saved in a local folder."));
      return FALSE;
    }

  /* The copy is made here, on the main thread; the thread only writes it. */
  today = rectify_date_today ();
  job = g_new0 (ExportJob, 1);
  job->path = path;
  job->file = g_object_ref (file);
  job->snapshot = rectify_export_snapshot_new (self->reg, audit, today);

  self->export_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->export_cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, _rectify_window_export_to);
  g_task_set_task_data (task, job, export_job_free);
  self->export_task = g_object_ref (task);
  self->export_started = g_get_monotonic_time ();

  name = g_file_get_basename (file);
  /* Translators: %s is the name of the workbook being written */
  label = g_strdup_printf (_("Exporting “%s”…"), name);
  gtk_label_set_text (self->export_label, label);
  gtk_progress_bar_set_fraction (self->export_progress, 0.0);
  self->export_progress_id = g_timeout_add (100, export_progress_tick_cb, self);
  update_actions (self);

  g_task_run_in_thread (task, export_thread);

  return TRUE;
}

gboolean
_rectify_window_is_exporting (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), FALSE);
  return self->export_task != NULL;
}

RectifyImportDialog *
_rectify_window_import_file (RectifyWindow *self,
                             GFile         *file)
{
  RectifyImportDialog *dialog;

  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (self->reg != NULL, NULL);

  dialog = rectify_import_dialog_new (GTK_WINDOW (self), self->reg, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (findings_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
