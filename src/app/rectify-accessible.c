/* rectify-accessible.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-accessible"

#include "config.h"

#include "rectify-accessible.h"

void
rectify_accessible_name_drop_down (GtkDropDown *drop_down)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                      -1);
}

void
rectify_accessible_name_expander (GtkExpander *expander)
{
  GtkWidget *label;

  g_return_if_fail (GTK_IS_EXPANDER (expander));

  if ((label = gtk_expander_get_label_widget (expander)) != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (expander),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
}
