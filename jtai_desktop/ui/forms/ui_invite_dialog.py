# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'invite_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_InviteDialog(object):
    def setupUi(self, InviteDialog):
        if not InviteDialog.objectName():
            InviteDialog.setObjectName(u"InviteDialog")
        InviteDialog.resize(580, 340)
        self.mainLayout = QVBoxLayout(InviteDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(InviteDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.PlainText)
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.labelLabel = QLabel(InviteDialog)
        self.labelLabel.setObjectName(u"labelLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.labelLabel)

        self.labelEdit = QLineEdit(InviteDialog)
        self.labelEdit.setObjectName(u"labelEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.labelEdit)

        self.passphraseLabel = QLabel(InviteDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(InviteDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.confirmLabel = QLabel(InviteDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = QLineEdit(InviteDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirmEdit)

        self.pathLabel = QLabel(InviteDialog)
        self.pathLabel.setObjectName(u"pathLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pathLabel)

        self.pathRow = QHBoxLayout()
        self.pathRow.setObjectName(u"pathRow")
        self.pathEdit = QLineEdit(InviteDialog)
        self.pathEdit.setObjectName(u"pathEdit")

        self.pathRow.addWidget(self.pathEdit)

        self.browseButton = QPushButton(InviteDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.pathRow.addWidget(self.browseButton)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.pathRow)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(InviteDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.PlainText)
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.busyBar = QProgressBar(InviteDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.mainLayout.addWidget(self.busyBar)

        self.verticalSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(InviteDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.labelLabel.setBuddy(self.labelEdit)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
        self.pathLabel.setBuddy(self.pathEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.labelEdit, self.passphraseEdit)
        QWidget.setTabOrder(self.passphraseEdit, self.confirmEdit)
        QWidget.setTabOrder(self.confirmEdit, self.pathEdit)
        QWidget.setTabOrder(self.pathEdit, self.browseButton)

        self.retranslateUi(InviteDialog)

        QMetaObject.connectSlotsByName(InviteDialog)
    # setupUi

    def retranslateUi(self, InviteDialog):
        InviteDialog.setWindowTitle(QCoreApplication.translate("InviteDialog", u"Invite a team member", None))
        self.introLabel.setText(QCoreApplication.translate("InviteDialog", u"An invitation lets one team member's computer join this inspection. It is locked with a passphrase: give the passphrase to the member separately (in person or by phone), never with the file.", None))
        self.labelLabel.setText(QCoreApplication.translate("InviteDialog", u"&Who it is for:", None))
        self.labelEdit.setPlaceholderText(QCoreApplication.translate("InviteDialog", u"e.g. Sam's laptop (CQC)", None))
        self.passphraseLabel.setText(QCoreApplication.translate("InviteDialog", u"&Passphrase:", None))
        self.confirmLabel.setText(QCoreApplication.translate("InviteDialog", u"&Repeat the passphrase:", None))
        self.pathLabel.setText(QCoreApplication.translate("InviteDialog", u"&Save to:", None))
        self.browseButton.setText(QCoreApplication.translate("InviteDialog", u"&Browse\u2026", None))
    # retranslateUi

