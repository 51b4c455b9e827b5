# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'organisation_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_OrganisationDialog(object):
    def setupUi(self, OrganisationDialog):
        if not OrganisationDialog.objectName():
            OrganisationDialog.setObjectName(u"OrganisationDialog")
        OrganisationDialog.resize(480, 220)
        self.dialogLayout = QVBoxLayout(OrganisationDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.organisationForm = QFormLayout()
        self.organisationForm.setObjectName(u"organisationForm")
        self.organisationForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kindLabel = QLabel(OrganisationDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.organisationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(OrganisationDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.organisationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.serviceLabel = QLabel(OrganisationDialog)
        self.serviceLabel.setObjectName(u"serviceLabel")

        self.organisationForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.serviceLabel)

        self.serviceCombo = QComboBox(OrganisationDialog)
        self.serviceCombo.setObjectName(u"serviceCombo")

        self.organisationForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.serviceCombo)

        self.nameLabel = QLabel(OrganisationDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.organisationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(OrganisationDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.organisationForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.inScopeCheck = QCheckBox(OrganisationDialog)
        self.inScopeCheck.setObjectName(u"inScopeCheck")
        self.inScopeCheck.setChecked(True)

        self.organisationForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.inScopeCheck)


        self.dialogLayout.addLayout(self.organisationForm)

        self.scopeNote = QLabel(OrganisationDialog)
        self.scopeNote.setObjectName(u"scopeNote")
        self.scopeNote.setWordWrap(True)

        self.dialogLayout.addWidget(self.scopeNote)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(OrganisationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.serviceLabel.setBuddy(self.serviceCombo)
        self.nameLabel.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.serviceCombo)
        QWidget.setTabOrder(self.serviceCombo, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.inScopeCheck)

        self.retranslateUi(OrganisationDialog)
        self.buttonBox.accepted.connect(OrganisationDialog.accept)
        self.buttonBox.rejected.connect(OrganisationDialog.reject)

        QMetaObject.connectSlotsByName(OrganisationDialog)
    # setupUi

    def retranslateUi(self, OrganisationDialog):
        OrganisationDialog.setWindowTitle(QCoreApplication.translate("OrganisationDialog", u"Add an organisation", None))
        self.kindLabel.setText(QCoreApplication.translate("OrganisationDialog", u"&Kind:", None))
        self.serviceLabel.setText(QCoreApplication.translate("OrganisationDialog", u"&Service:", None))
        self.nameLabel.setText(QCoreApplication.translate("OrganisationDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("OrganisationDialog", u"e.g. St Mary's maternity unit", None))
        self.inScopeCheck.setText(QCoreApplication.translate("OrganisationDialog", u"&In scope: inspected in this inspection", None))
    # retranslateUi

