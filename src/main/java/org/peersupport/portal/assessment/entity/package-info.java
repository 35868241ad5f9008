/**
 * Decisions on a submission and their requirement judgements (append-only), sampling plans and picked candidates,
 * and safeguarding concerns.
 */
package org.peersupport.portal.assessment.entity;
