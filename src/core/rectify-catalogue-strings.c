/* rectify-catalogue-strings.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GENERATED from data/iso27001-2022-catalogue.tsv by build-aux/gen-catalogue-strings.py: do not
 * edit; run that script after changing the catalogue. tests/test-catalogue-strings.py fails while
 * this file does not match the catalogue.
 *
 * Never compiled: it only shows xgettext (po/POTFILES.in) the titles and themes of the
 * catalogue, in the context "ISO/IEC 27001:2022", which src/core/rectify-catalogue.c passes to
 * g_dpgettext2 () to show them in the user's language.
 */

#include <glib/gi18n-lib.h>

static const char * const catalogue_strings[] = {
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Context of the organization"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Understanding the organization and its context"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Understanding the needs and expectations of interested parties"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Determining the scope of the information security management system"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information security management system"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Leadership"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Leadership and commitment"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Policy"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Organizational roles, responsibilities and authorities"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Planning"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Actions to address risks and opportunities"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "General"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information security risk assessment"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information security risk treatment"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information security objectives and planning to achieve them"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Planning of changes"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Support"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Resources"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Competence"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Awareness"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Communication"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Documented information"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Creating and updating"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Control of documented information"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Operation"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Operational planning and control"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Performance evaluation"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Monitoring, measurement, analysis and evaluation"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Internal audit"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Internal audit programme"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Management review"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Management review inputs"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Management review results"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Improvement"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Continual improvement"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Nonconformity and corrective action"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Policies for information security"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information security roles and responsibilities"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Segregation of duties"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Management responsibilities"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Contact with authorities"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Contact with special interest groups"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Threat intelligence"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information security in project management"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Inventory of information and other associated assets"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Acceptable use of information and other associated assets"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Return of assets"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Classification of information"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Labelling of information"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information transfer"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Access control"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Identity management"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Authentication information"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Access rights"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information security in supplier relationships"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Addressing information security within supplier agreements"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Managing information security in the ICT supply chain"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Monitoring, review and change management of supplier services"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information security for use of cloud services"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information security incident management planning and preparation"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Assessment and decision on information security events"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Response to information security incidents"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Learning from information security incidents"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Collection of evidence"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information security during disruption"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "ICT readiness for business continuity"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Legal, statutory, regulatory and contractual requirements"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Intellectual property rights"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Protection of records"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Privacy and protection of PII"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Independent review of information security"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Compliance with policies, rules and standards for information security"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Documented operating procedures"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Screening"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Terms and conditions of employment"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information security awareness, education and training"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Disciplinary process"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Responsibilities after termination or change of employment"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Confidentiality or non-disclosure agreements"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Remote working"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information security event reporting"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Physical security perimeters"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Physical entry"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Securing offices, rooms and facilities"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Physical security monitoring"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Protecting against physical and environmental threats"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Working in secure areas"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Clear desk and clear screen"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Equipment siting and protection"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Security of assets off-premises"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Storage media"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Supporting utilities"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Cabling security"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Equipment maintenance"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Secure disposal or re-use of equipment"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "User end point devices"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Privileged access rights"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information access restriction"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Access to source code"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Secure authentication"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Capacity management"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Protection against malware"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Management of technical vulnerabilities"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Configuration management"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information deletion"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Data masking"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Data leakage prevention"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Information backup"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Redundancy of information processing facilities"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Logging"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Monitoring activities"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Clock synchronization"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Use of privileged utility programs"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Installation of software on operational systems"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Networks security"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Security of network services"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Segregation of networks"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Web filtering"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Use of cryptography"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Secure development life cycle"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Application security requirements"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Secure system architecture and engineering principles"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Secure coding"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Security testing in development and acceptance"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Outsourced development"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Separation of development, test and production environments"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Change management"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Test information"),
  /* Translators: ISO/IEC 27001:2022 clause or Annex A control title */
  NC_("ISO/IEC 27001:2022", "Protection of information systems during audit testing"),
  /* Translators: ISO/IEC 27001:2022 Annex A theme, as in "Organizational controls" */
  NC_("ISO/IEC 27001:2022", "Organizational"),
  /* Translators: ISO/IEC 27001:2022 Annex A theme, as in "Organizational controls" */
  NC_("ISO/IEC 27001:2022", "People"),
  /* Translators: ISO/IEC 27001:2022 Annex A theme, as in "Organizational controls" */
  NC_("ISO/IEC 27001:2022", "Physical"),
  /* Translators: ISO/IEC 27001:2022 Annex A theme, as in "Organizational controls" */
  NC_("ISO/IEC 27001:2022", "Technological"),
};
