/* rectify-nc-editor.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-nc-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-audit-dialog.h"
#include "rectify-date-button.h"
#include "rectify-enums.h"
#include "rectify-nc-editor.h"
#include "rectify-requirement-row.h"

/* Text fields are saved after this pause in typing. */
#define SAVE_DELAY_MS 600

typedef enum
{
  FIELD_ENTRY,        /* AdwEntryRow, string */
  FIELD_TEXT,         /* GtkTextView, string */
  FIELD_REQUIREMENT,  /* RectifyRequirementRow, string */
  FIELD_DATE,         /* RectifyDateButton, ISO date */
  FIELD_ENUM,         /* AdwComboRow over the values of an enum, in order */
  FIELD_AUDIT,        /* AdwComboRow over "None" + the register's audits, int64 id */
} FieldKind;

typedef struct
{
  const char *property;
  FieldKind   kind;
  gsize       offset;   /* of the widget in RectifyNcEditor */
} Field;

/* RectifyTextField: a GtkTextView that asks for the height of all its text at the width it is
 * given. GTK 4.8's GtkTextView reports only the height of the lines it has laid out so far, so
 * outside a scrolled window it stays one line (or zero lines) high. */

#define RECTIFY_TYPE_TEXT_FIELD (rectify_text_field_get_type ())

G_DECLARE_FINAL_TYPE (RectifyTextField, rectify_text_field, RECTIFY, TEXT_FIELD, GtkTextView)

struct _RectifyTextField
{
  GtkTextView parent_instance;
};

G_DEFINE_FINAL_TYPE (RectifyTextField, rectify_text_field, GTK_TYPE_TEXT_VIEW)

static void
rectify_text_field_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);

  GTK_WIDGET_CLASS (rectify_text_field_parent_class)->measure (widget, orientation, for_size,
                                                               minimum, natural,
                                                               minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *text = NULL;
      GtkTextIter start, end;
      int width = for_size >= 0 ? for_size : gtk_widget_get_width (widget);
      int height;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      /* An empty field is still one line high. */
      layout = gtk_widget_create_pango_layout (widget, text[0] != '\0' ? text : " ");
      width -= gtk_text_view_get_left_margin (view) + gtk_text_view_get_right_margin (view);
      if (width > 0)
        {
          pango_layout_set_width (layout, width * PANGO_SCALE);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        }
      pango_layout_get_pixel_size (layout, NULL, &height);
      height += gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);

      *minimum = MAX (*minimum, height);
      *natural = MAX (*natural, height);
    }
}

static GtkSizeRequestMode
rectify_text_field_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rectify_text_field_class_init (RectifyTextFieldClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = rectify_text_field_measure;
  widget_class->get_request_mode = rectify_text_field_get_request_mode;
}

static void
rectify_text_field_init (RectifyTextField *self)
{
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "changed",
                           G_CALLBACK (gtk_widget_queue_resize), self, G_CONNECT_SWAPPED);
}

/* RectifyNcEditor */

struct _RectifyNcEditor
{
  AdwBin                 parent_instance;

  RectifyRegister       *reg;
  RectifyNonconformity  *nc;
  gulong                 nc_notify_id;

  GtkFlattenListModel   *audit_model;
  GtkStringList         *grade_model;
  GtkStringList         *source_model;

  /* bit i set: fields[i] has an edit not yet saved */
  guint                  dirty;
  guint                  save_timeout_id;
  /* > 0 while widgets are filled from the NC: changes are not saves */
  guint                  updating;

  /* Template widgets */
  GtkStack              *stack;
  AdwPreferencesPage    *page;
  AdwPreferencesGroup   *header_group;
  GtkLabel              *status_label;
  AdwEntryRow           *title_row;
  GtkTextView           *statement_view;
  RectifyRequirementRow *requirement_row;
  GtkTextView           *evidence_view;
  AdwEntryRow           *area_row;
  AdwEntryRow           *location_row;
  AdwComboRow           *grade_row;
  AdwComboRow           *source_row;
  AdwComboRow           *audit_row;
  RectifyDateButton     *occurred_on_button;
  AdwEntryRow           *reported_by_row;
  RectifyDateButton     *reported_on_button;
  AdwEntryRow           *owner_row;
  GtkTextView           *correction_view;
  RectifyDateButton     *correction_on_button;
  RectifyDateButton     *cap_due_on_button;
  RectifyDateButton     *due_on_button;
  GtkLabel              *closed_on_label;
};

G_DEFINE_FINAL_TYPE (RectifyNcEditor, rectify_nc_editor, ADW_TYPE_BIN)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define FIELD(name, kind, member) { name, kind, G_STRUCT_OFFSET (RectifyNcEditor, member) }

static const Field fields[] = {
  FIELD ("title",         FIELD_ENTRY,       title_row),
  FIELD ("statement",     FIELD_TEXT,        statement_view),
  FIELD ("requirement",   FIELD_REQUIREMENT, requirement_row),
  FIELD ("evidence",      FIELD_TEXT,        evidence_view),
  FIELD ("area",          FIELD_ENTRY,       area_row),
  FIELD ("location",      FIELD_ENTRY,       location_row),
  FIELD ("grade",         FIELD_ENUM,        grade_row),
  FIELD ("source",        FIELD_ENUM,        source_row),
  FIELD ("audit-id",      FIELD_AUDIT,       audit_row),
  FIELD ("occurred-on",   FIELD_DATE,        occurred_on_button),
  FIELD ("reported-by",   FIELD_ENTRY,       reported_by_row),
  FIELD ("reported-on",   FIELD_DATE,        reported_on_button),
  FIELD ("owner",         FIELD_ENTRY,       owner_row),
  FIELD ("correction",    FIELD_TEXT,        correction_view),
  FIELD ("correction-on", FIELD_DATE,        correction_on_button),
  FIELD ("cap-due-on",    FIELD_DATE,        cap_due_on_button),
  FIELD ("due-on",        FIELD_DATE,        due_on_button),
};

#undef FIELD

G_STATIC_ASSERT (G_N_ELEMENTS (fields) < 32);

static inline GtkWidget *
field_widget (RectifyNcEditor *self,
              guint            i)
{
  return *(GtkWidget **)G_STRUCT_MEMBER_P (self, fields[i].offset);
}

static int
find_field (const char *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].property, property) == 0)
      return (int)i;

  return -1;
}

/* NULL for an empty string, so "" and NULL compare equal. */
static char *
normalize_text (char *text)
{
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The value of a string-like field as the widget shows it (transfer full, NULL when empty). */
static char *
widget_get_string (RectifyNcEditor *self,
                   guint            i)
{
  GtkWidget *widget = field_widget (self, i);

  switch (fields[i].kind)
    {
    case FIELD_ENTRY:
      return normalize_text (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));

    case FIELD_TEXT:
      return normalize_text (text_view_get_text (GTK_TEXT_VIEW (widget)));

    case FIELD_REQUIREMENT:
      return normalize_text (g_strdup (rectify_requirement_row_get_requirement (RECTIFY_REQUIREMENT_ROW (widget))));

    case FIELD_DATE:
      return normalize_text (g_strdup (rectify_date_button_get_date (RECTIFY_DATE_BUTTON (widget))));

    case FIELD_ENUM:
    case FIELD_AUDIT:
    default:
      g_assert_not_reached ();
    }
}

static guint
audit_position (RectifyNcEditor *self,
                gint64           audit_id)
{
  guint n;

  if (self->audit_model == NULL || audit_id == 0)
    return 0;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->audit_model));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->audit_model), i);

      if (RECTIFY_IS_AUDIT (item) && rectify_entity_get_id (RECTIFY_ENTITY (item)) == audit_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static RectifyAudit *
selected_audit (RectifyNcEditor *self)
{
  GObject *item = adw_combo_row_get_selected_item (self->audit_row);

  return RECTIFY_IS_AUDIT (item) ? RECTIFY_AUDIT (item) : NULL;
}

static void
update_audit_actions (RectifyNcEditor *self)
{
  gboolean editable = self->nc != NULL && self->reg != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.new-audit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.edit-audit",
                                 editable && selected_audit (self) != NULL);
}

/* Shows the NC's value of fields[i] in its widget; never saves. */
static void
load_field (RectifyNcEditor *self,
            guint            i)
{
  GtkWidget *widget = field_widget (self, i);
  g_autofree char *value = NULL;
  int enum_value = 0;
  gint64 id = 0;

  self->updating++;

  switch (fields[i].kind)
    {
    case FIELD_ENTRY:
      if (self->nc != NULL)
        g_object_get (self->nc, fields[i].property, &value, NULL);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), value != NULL ? value : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (widget), value != NULL ? value : "");
      break;

    case FIELD_TEXT:
      {
        g_autofree char *shown = text_view_get_text (GTK_TEXT_VIEW (widget));

        if (self->nc != NULL)
          g_object_get (self->nc, fields[i].property, &value, NULL);
        if (g_strcmp0 (shown, value != NULL ? value : "") != 0)
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                                    value != NULL ? value : "", -1);
      }
      break;

    case FIELD_REQUIREMENT:
      if (self->nc != NULL)
        g_object_get (self->nc, fields[i].property, &value, NULL);
      rectify_requirement_row_set_requirement (RECTIFY_REQUIREMENT_ROW (widget), value);
      break;

    case FIELD_DATE:
      if (self->nc != NULL)
        g_object_get (self->nc, fields[i].property, &value, NULL);
      rectify_date_button_set_date (RECTIFY_DATE_BUTTON (widget), value);
      break;

    case FIELD_ENUM:
      if (self->nc != NULL)
        g_object_get (self->nc, fields[i].property, &enum_value, NULL);
      adw_combo_row_set_selected (ADW_COMBO_ROW (widget), (guint)enum_value);
      break;

    case FIELD_AUDIT:
      if (self->nc != NULL)
        g_object_get (self->nc, fields[i].property, &id, NULL);
      adw_combo_row_set_selected (ADW_COMBO_ROW (widget), audit_position (self, id));
      update_audit_actions (self);
      break;

    default:
      g_assert_not_reached ();
    }

  self->updating--;
}

static void
load_header (RectifyNcEditor *self)
{
  g_autofree char *closed = NULL;

  if (self->nc == NULL)
    return;

  adw_preferences_group_set_title (self->header_group, rectify_nonconformity_get_ref (self->nc));
  gtk_label_set_label (self->status_label,
                       rectify_enum_to_label (RECTIFY_TYPE_STATUS,
                                              rectify_nonconformity_get_status (self->nc)));
  closed = _rectify_date_button_format (rectify_nonconformity_get_closed_on (self->nc));
  gtk_label_set_label (self->closed_on_label, closed);
}

static void
load_all (RectifyNcEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    load_field (self, i);
  load_header (self);
}

static void
report_error (RectifyNcEditor *self,
              const GError    *error)
{
  g_warning ("Could not save: %s", error->message);
  g_signal_emit (self, signals[ERROR], 0, error->message);
}

/* Writes fields[i] from its widget to the register when it differs from the NC. */
static void
save_field (RectifyNcEditor *self,
            guint            i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) nc = NULL;
  gboolean ok = TRUE;

  if (self->nc == NULL || self->reg == NULL)
    return;

  /* The NC may be switched by a handler of our own write. */
  nc = g_object_ref (self->nc);

  switch (fields[i].kind)
    {
    case FIELD_ENTRY:
    case FIELD_TEXT:
    case FIELD_REQUIREMENT:
    case FIELD_DATE:
      {
        g_autofree char *value = widget_get_string (self, i);
        g_autofree char *stored = NULL;

        g_object_get (nc, fields[i].property, &stored, NULL);
        stored = normalize_text (stored);
        if (g_strcmp0 (value, stored) == 0)
          return;

        g_debug ("Saving %s of %s", fields[i].property, rectify_nonconformity_get_ref (nc));
        ok = rectify_register_update_string (self->reg, RECTIFY_ENTITY (nc),
                                             fields[i].property, value, &error);
      }
      break;

    case FIELD_ENUM:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field_widget (self, i)));
        int stored = 0;

        if (selected == GTK_INVALID_LIST_POSITION)
          return;

        g_object_get (nc, fields[i].property, &stored, NULL);
        if ((guint)stored == selected)
          return;

        g_debug ("Saving %s of %s", fields[i].property, rectify_nonconformity_get_ref (nc));
        ok = rectify_register_update_enum (self->reg, RECTIFY_ENTITY (nc),
                                           fields[i].property, (int)selected, &error);
      }
      break;

    case FIELD_AUDIT:
      {
        RectifyAudit *audit = selected_audit (self);
        gint64 value = audit != NULL ? rectify_entity_get_id (RECTIFY_ENTITY (audit)) : 0;
        gint64 stored = 0;

        g_object_get (nc, fields[i].property, &stored, NULL);
        if (stored == value)
          return;

        g_debug ("Saving %s of %s", fields[i].property, rectify_nonconformity_get_ref (nc));
        ok = rectify_register_update_int64 (self->reg, RECTIFY_ENTITY (nc),
                                            fields[i].property, value, &error);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    {
      if (nc == self->nc)
        load_field (self, i);
      report_error (self, error);
    }
}

static void
flush (RectifyNcEditor *self)
{
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);

  while (self->dirty != 0)
    {
      guint i = (guint)g_bit_nth_lsf (self->dirty, -1);

      self->dirty &= ~(1u << i);
      save_field (self, i);
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  RectifyNcEditor *self = user_data;

  self->save_timeout_id = 0;
  flush (self);

  return G_SOURCE_REMOVE;
}

static int
widget_field (GObject *object)
{
  return GPOINTER_TO_INT (g_object_get_data (object, "rectify-field")) - 1;
}

/* Callbacks */

static void
text_changed_cb (GObject         *object,
                 RectifyNcEditor *self)
{
  int i = widget_field (object);

  if (self->updating > 0 || self->nc == NULL || i < 0)
    return;

  self->dirty |= 1u << i;
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->save_timeout_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* Combos, dates and the requirement save at once (after any pending text edit, so the history
 * keeps the order of the user's changes). */
static void
value_changed_cb (GObject         *object,
                  GParamSpec      *pspec,
                  RectifyNcEditor *self)
{
  int i = widget_field (object);

  if (i < 0)
    return;

  if (fields[i].kind == FIELD_AUDIT)
    update_audit_actions (self);

  if (self->updating > 0 || self->nc == NULL)
    return;

  self->dirty |= 1u << i;
  flush (self);
}

static void
commit_cb (RectifyNcEditor *self)
{
  flush (self);
}

static void
nc_notify_cb (RectifyNcEditor *self,
              GParamSpec      *pspec,
              GObject         *object)
{
  int i;

  if ((RectifyNonconformity *)object != self->nc)
    return;

  if (g_strcmp0 (pspec->name, "ref") == 0 ||
      g_strcmp0 (pspec->name, "status") == 0 ||
      g_strcmp0 (pspec->name, "closed-on") == 0)
    {
      load_header (self);
      return;
    }

  i = find_field (pspec->name);
  if (i < 0)
    return;

  /* A change from elsewhere (undo, another view) wins over an edit not yet saved. */
  self->dirty &= ~(1u << i);
  load_field (self, (guint)i);
}

static void
audits_changing_cb (RectifyNcEditor *self)
{
  /* The combo row's selection follows the model before we can resync it: hold saves. */
  self->updating++;
}

static void
audits_changed_cb (RectifyNcEditor *self)
{
  self->updating--;
  load_field (self, (guint)find_field ("audit-id"));
}

static char *
audit_item_label (GObject *item)
{
  if (RECTIFY_IS_AUDIT (item))
    return g_strdup (rectify_audit_get_title (RECTIFY_AUDIT (item)));
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  return g_strdup ("");
}

static void
audit_created_cb (RectifyNcEditor    *self,
                  RectifyAudit       *audit,
                  RectifyAuditDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (self->nc == NULL || self->reg == NULL)
    return;

  flush (self);
  if (!rectify_register_update_int64 (self->reg, RECTIFY_ENTITY (self->nc), "audit-id",
                                      rectify_entity_get_id (RECTIFY_ENTITY (audit)), &error))
    report_error (self, error);

  load_field (self, (guint)find_field ("audit-id"));
}

static void
open_audit_dialog (RectifyNcEditor *self,
                   RectifyAudit    *audit)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_return_if_fail (self->reg != NULL);

  flush (self);
  dialog = rectify_audit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->reg, audit);
  if (audit == NULL)
    g_signal_connect_object (dialog, "audit-created", G_CALLBACK (audit_created_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_audit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_audit_dialog (RECTIFY_NC_EDITOR (widget), NULL);
}

static void
edit_audit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RectifyNcEditor *self = RECTIFY_NC_EDITOR (widget);
  RectifyAudit *audit = selected_audit (self);

  if (audit != NULL)
    open_audit_dialog (self, audit);
}

static void
install_css (void)
{
  static gboolean installed = FALSE;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (installed || display == NULL)
    return;

  /* Multi-line fields sit inside boxed-list rows: no second background. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "textview.rectify-text-field,"
                                   "textview.rectify-text-field > text"
                                   " { background: none; }",
                                   -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  installed = TRUE;
}

static void
connect_fields (RectifyNcEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = field_widget (self, i);
      gpointer tag = GINT_TO_POINTER ((int)i + 1);

      g_object_set_data (G_OBJECT (widget), "rectify-field", tag);

      switch (fields[i].kind)
        {
        case FIELD_ENTRY:
          {
            GtkEventController *focus = gtk_event_controller_focus_new ();

            g_signal_connect_object (widget, "changed", G_CALLBACK (text_changed_cb), self, 0);
            g_signal_connect_object (widget, "entry-activated", G_CALLBACK (commit_cb), self,
                                     G_CONNECT_SWAPPED);
            g_signal_connect_object (focus, "leave", G_CALLBACK (commit_cb), self,
                                     G_CONNECT_SWAPPED);
            gtk_widget_add_controller (widget, focus);
          }
          break;

        case FIELD_TEXT:
          {
            GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
            GtkEventController *focus = gtk_event_controller_focus_new ();

            g_object_set_data (G_OBJECT (buffer), "rectify-field", tag);
            g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), self, 0);
            g_signal_connect_object (focus, "leave", G_CALLBACK (commit_cb), self,
                                     G_CONNECT_SWAPPED);
            gtk_widget_add_controller (widget, focus);
          }
          break;

        case FIELD_REQUIREMENT:
          g_signal_connect_object (widget, "notify::requirement",
                                   G_CALLBACK (value_changed_cb), self, 0);
          break;

        case FIELD_DATE:
          g_signal_connect_object (widget, "notify::date", G_CALLBACK (value_changed_cb), self, 0);
          break;

        case FIELD_ENUM:
        case FIELD_AUDIT:
          g_signal_connect_object (widget, "notify::selected",
                                   G_CALLBACK (value_changed_cb), self, 0);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static GtkStringList *
enum_labels (GType type,
             int   n_values)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int v = 0; v < n_values; v++)
    gtk_string_list_append (list, rectify_enum_to_label (type, v));

  return list;
}

/* VFuncs */

static void
rectify_nc_editor_dispose (GObject *object)
{
  RectifyNcEditor *self = RECTIFY_NC_EDITOR (object);

  /* Never lose an edit. */
  flush (self);

  if (self->nc != NULL)
    g_clear_signal_handler (&self->nc_notify_id, self->nc);
  g_clear_object (&self->nc);

  if (self->audit_row != NULL)
    adw_combo_row_set_model (self->audit_row, NULL);

  /* No gtk_widget_dispose_template(): the template's one direct child is AdwBin's, which
   * unparents it itself. */

  g_clear_object (&self->audit_model);
  g_clear_object (&self->grade_model);
  g_clear_object (&self->source_model);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (rectify_nc_editor_parent_class)->dispose (object);
}

static void
rectify_nc_editor_class_init (RectifyNcEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_nc_editor_dispose;

  /**
   * RectifyNcEditor::error:
   * @message: what went wrong
   *
   * A save failed; the field shows the stored value again.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RECTIFY_TYPE_DATE_BUTTON);
  g_type_ensure (RECTIFY_TYPE_REQUIREMENT_ROW);
  g_type_ensure (RECTIFY_TYPE_TEXT_FIELD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-nc-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, page);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, header_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, statement_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, requirement_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, area_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, grade_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, audit_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, occurred_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, reported_by_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, reported_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, correction_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, correction_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, cap_due_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, due_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, closed_on_label);

  gtk_widget_class_install_action (widget_class, "editor.new-audit", NULL, new_audit_action);
  gtk_widget_class_install_action (widget_class, "editor.edit-audit", NULL, edit_audit_action);
}

static void
rectify_nc_editor_init (RectifyNcEditor *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  install_css ();

  self->grade_model = enum_labels (RECTIFY_TYPE_GRADE, RECTIFY_N_GRADES);
  self->source_model = enum_labels (RECTIFY_TYPE_SOURCE, RECTIFY_N_SOURCES);

  self->updating++;
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (self->grade_model));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (self->source_model));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (audit_item_label), NULL, NULL);
  adw_combo_row_set_expression (self->audit_row, expression);
  self->updating--;

  connect_fields (self);
  update_audit_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public API */

/**
 * rectify_nc_editor_new:
 *
 * Returns: (transfer floating): a new editor showing its empty state
 */
GtkWidget *
rectify_nc_editor_new (void)
{
  return g_object_new (RECTIFY_TYPE_NC_EDITOR, NULL);
}

/**
 * rectify_nc_editor_set_register:
 * @reg: (nullable): the register the NCs belong to; all saves go through it
 */
void
rectify_nc_editor_set_register (RectifyNcEditor *self,
                                RectifyRegister *reg)
{
  g_return_if_fail (RECTIFY_IS_NC_EDITOR (self));
  g_return_if_fail (reg == NULL || RECTIFY_IS_REGISTER (reg));

  if (self->reg == reg)
    return;

  /* The NC being shown belongs to the old register. */
  rectify_nc_editor_set_nonconformity (self, NULL);

  self->updating++;
  adw_combo_row_set_model (self->audit_row, NULL);
  self->updating--;
  g_clear_object (&self->audit_model);
  g_set_object (&self->reg, reg);

  if (reg != NULL)
    {
      GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
      /* Translators: the audit of an NC that did not come from an audit */
      g_autoptr(GtkStringList) none = gtk_string_list_new ((const char *[]) { _("None"), NULL });

      g_list_store_append (parts, none);
      g_list_store_append (parts, rectify_register_get_audits (reg));
      self->audit_model = gtk_flatten_list_model_new (G_LIST_MODEL (parts));

      /* Connected before the combo row's selection sees the model, and after it. */
      g_signal_connect_object (self->audit_model, "items-changed",
                               G_CALLBACK (audits_changing_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->audit_model, "items-changed",
                               G_CALLBACK (audits_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);

      self->updating++;
      adw_combo_row_set_model (self->audit_row, G_LIST_MODEL (self->audit_model));
      self->updating--;
    }

  update_audit_actions (self);
}

/**
 * rectify_nc_editor_get_register:
 *
 * Returns: (transfer none) (nullable): the register
 */
RectifyRegister *
rectify_nc_editor_get_register (RectifyNcEditor *self)
{
  g_return_val_if_fail (RECTIFY_IS_NC_EDITOR (self), NULL);

  return self->reg;
}

/**
 * rectify_nc_editor_set_nonconformity:
 * @nc: (nullable): the NC to show and edit, or NULL for the empty state
 *
 * Any edit not yet saved to the previous NC is saved first.
 */
void
rectify_nc_editor_set_nonconformity (RectifyNcEditor      *self,
                                     RectifyNonconformity *nc)
{
  g_return_if_fail (RECTIFY_IS_NC_EDITOR (self));
  g_return_if_fail (nc == NULL || RECTIFY_IS_NONCONFORMITY (nc));

  if (self->nc == nc)
    return;

  flush (self);

  if (self->nc != NULL)
    g_clear_signal_handler (&self->nc_notify_id, self->nc);
  g_set_object (&self->nc, nc);

  if (nc != NULL)
    {
      self->nc_notify_id = g_signal_connect_object (nc, "notify", G_CALLBACK (nc_notify_cb), self,
                                                    G_CONNECT_SWAPPED);
      load_all (self);
      gtk_stack_set_visible_child_name (self->stack, "editor");
    }
  else
    {
      load_all (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  update_audit_actions (self);
}

/**
 * rectify_nc_editor_get_nonconformity:
 *
 * Returns: (transfer none) (nullable): the NC shown
 */
RectifyNonconformity *
rectify_nc_editor_get_nonconformity (RectifyNcEditor *self)
{
  g_return_val_if_fail (RECTIFY_IS_NC_EDITOR (self), NULL);

  return self->nc;
}

void
rectify_nc_editor_focus_title (RectifyNcEditor *self)
{
  g_return_if_fail (RECTIFY_IS_NC_EDITOR (self));

  if (self->nc != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/**
 * _rectify_nc_editor_get_title_editable:
 *
 * Returns: (transfer none): the title field, for tests
 */
GtkEditable *
_rectify_nc_editor_get_title_editable (RectifyNcEditor *self)
{
  g_return_val_if_fail (RECTIFY_IS_NC_EDITOR (self), NULL);

  return GTK_EDITABLE (self->title_row);
}

/* Saves any edit still waiting for the pause in typing. */
void
_rectify_nc_editor_flush (RectifyNcEditor *self)
{
  g_return_if_fail (RECTIFY_IS_NC_EDITOR (self));

  flush (self);
}
