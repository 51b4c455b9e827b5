# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'event_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_EventDialog(object):
    def setupUi(self, EventDialog):
        if not EventDialog.objectName():
            EventDialog.setObjectName(u"EventDialog")
        EventDialog.resize(520, 260)
        self.dialogLayout = QVBoxLayout(EventDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.eventForm = QFormLayout()
        self.eventForm.setObjectName(u"eventForm")
        self.eventForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.dateLabel = QLabel(EventDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.eventForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.whenRow = QHBoxLayout()
        self.whenRow.setObjectName(u"whenRow")
        self.dateEdit = QDateEdit(EventDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.whenRow.addWidget(self.dateEdit)

        self.timeEdit = QLineEdit(EventDialog)
        self.timeEdit.setObjectName(u"timeEdit")
        self.timeEdit.setMaximumWidth(70)
        self.timeEdit.setMaxLength(5)

        self.whenRow.addWidget(self.timeEdit)

        self.whenSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.whenRow.addItem(self.whenSpacer)


        self.eventForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.whenRow)

        self.kindLabel = QLabel(EventDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.eventForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(EventDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.eventForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.agencyLabel = QLabel(EventDialog)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.eventForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyCombo = QComboBox(EventDialog)
        self.agencyCombo.setObjectName(u"agencyCombo")

        self.eventForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agencyCombo)

        self.summaryLabel = QLabel(EventDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.eventForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QLineEdit(EventDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")

        self.eventForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.reasonLabel = QLabel(EventDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.eventForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(EventDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.eventForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.dateHint = QLabel(EventDialog)
        self.dateHint.setObjectName(u"dateHint")
        self.dateHint.setWordWrap(True)

        self.eventForm.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.dateHint)


        self.dialogLayout.addLayout(self.eventForm)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(EventDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.agencyLabel.setBuddy(self.agencyCombo)
        self.summaryLabel.setBuddy(self.summaryEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.timeEdit)
        QWidget.setTabOrder(self.timeEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.agencyCombo)
        QWidget.setTabOrder(self.agencyCombo, self.summaryEdit)
        QWidget.setTabOrder(self.summaryEdit, self.reasonEdit)

        self.retranslateUi(EventDialog)
        self.buttonBox.accepted.connect(EventDialog.accept)
        self.buttonBox.rejected.connect(EventDialog.reject)

        QMetaObject.connectSlotsByName(EventDialog)
    # setupUi

    def retranslateUi(self, EventDialog):
        EventDialog.setWindowTitle(QCoreApplication.translate("EventDialog", u"Add event", None))
        self.dateLabel.setText(QCoreApplication.translate("EventDialog", u"&Date:", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("EventDialog", u"dd MMM yyyy", None))
        self.timeEdit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"HH:MM", None))
#if QT_CONFIG(tooltip)
        self.timeEdit.setToolTip(QCoreApplication.translate("EventDialog", u"Time of day, 24-hour clock (leave empty when not known)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.timeEdit.setAccessibleName(QCoreApplication.translate("EventDialog", u"Time", None))
#endif // QT_CONFIG(accessibility)
        self.kindLabel.setText(QCoreApplication.translate("EventDialog", u"&Kind:", None))
        self.agencyLabel.setText(QCoreApplication.translate("EventDialog", u"&Agency:", None))
        self.summaryLabel.setText(QCoreApplication.translate("EventDialog", u"&What happened:", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"e.g. Strategy discussion held without health", None))
        self.reasonLabel.setText(QCoreApplication.translate("EventDialog", u"Loo&k-back reason:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"only for a date before the look-back: why this older history matters", None))
    # retranslateUi

